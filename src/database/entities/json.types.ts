/**
 * Shapes of JSONB columns. PostgreSQL returns them parsed; the application narrows them where it reads them.
 * (No recursive JSON type: TypeORM's FindOptionsWhere cannot instantiate one.)
 */
export type JsonObject = Record<string, unknown>;
