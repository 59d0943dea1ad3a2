import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per dedup key (symbol, action, direction, timeframe, is_test) holding the last accepted signal. The
 * webhook claims a key with INSERT ... ON CONFLICT DO UPDATE in the same statement that stores the signal and its
 * event: the primary key serializes identical alerts, so N concurrent copies store one signal, in one round trip.
 */
export class SignalDedupKeys1795478000000 implements MigrationInterface {
  name = 'SignalDedupKeys1795478000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "signal_dedup_keys" (
        "dedup_key" varchar(64) NOT NULL,
        "signal_id" uuid NOT NULL,
        "received_at" timestamptz NOT NULL,
        CONSTRAINT "pk_signal_dedup_keys" PRIMARY KEY ("dedup_key")
      )`,
    );
    // Keys of signals already stored, so the window holds across the upgrade.
    await queryRunner.query(
      `INSERT INTO "signal_dedup_keys" ("dedup_key", "signal_id", "received_at")
       SELECT DISTINCT ON ("dedup_key") "dedup_key", "signal_id", "received_at"
         FROM "signals" ORDER BY "dedup_key", "received_at" DESC`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signal_dedup_keys"`);
  }
}
