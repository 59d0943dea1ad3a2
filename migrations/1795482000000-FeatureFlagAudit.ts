import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of feature flag changes (PATCH /feature-flags/:name and the kill switch): who changed which flag
 * from what to what, why and when. Rows are only ever inserted, in the same statement as the flag update.
 */
export class FeatureFlagAudit1795482000000 implements MigrationInterface {
  name = 'FeatureFlagAudit1795482000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "feature_flag_audit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "flag_name" varchar(100) NOT NULL,
        "old_value" boolean NULL,
        "new_value" boolean NOT NULL,
        "actor" varchar(128) NOT NULL,
        "actor_kind" varchar(20) NOT NULL,
        "reason" text NULL,
        "changed_at" timestamptz NOT NULL,
        CONSTRAINT "pk_feature_flag_audit" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_feature_flag_audit_changed_at" ON "feature_flag_audit" ("changed_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_feature_flag_audit_flag_name" ON "feature_flag_audit" ("flag_name", "changed_at" DESC)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "feature_flag_audit"`);
  }
}
