import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ApiError, ApiFieldError } from './api-error';

/** class-validator errors as one `{ field, message }` per bad field, nested fields dotted (`legs.0.strike`). */
export function fieldErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, message: Object.values(e.constraints).join('; ') }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** A validated DTO from a JSON body, or a 400 `validation_failed` with one entry per bad field. Unknown fields are refused. */
export function validateBody<T extends object>(dto: ClassConstructor<T>, body: unknown, what: string): T {
  if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
    throw new ApiError(400, 'validation_failed', `${what}: the body must be a JSON object`);
  }
  const instance = plainToInstance(dto, body ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new ApiError(400, 'validation_failed', `Invalid ${what}`, fieldErrors(errors));
  }
  return instance;
}
