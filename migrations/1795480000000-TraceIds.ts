import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trace id (the webhook request's id, `signals.request_id`) on every row a signal leads to: orders, trades and
 * positions, indexed so one id finds the whole story (GET /traces/:id) and the log lines that carry it.
 */
export class TraceIds1795480000000 implements MigrationInterface {
  name = 'TraceIds1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['orders', 'trades', 'positions']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "trace_id" uuid NULL`);
      await queryRunner.query(`CREATE INDEX "idx_${table}_trace_id" ON "${table}" ("trace_id")`);
    }
    await queryRunner.query(`CREATE INDEX "idx_signals_request_id" ON "signals" ("request_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_signals_request_id"`);
    for (const table of ['positions', 'trades', 'orders']) {
      await queryRunner.query(`DROP INDEX "idx_${table}_trace_id"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "trace_id"`);
    }
  }
}
