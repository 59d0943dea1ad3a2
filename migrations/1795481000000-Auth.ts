import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboard users (scrypt password hashes) and integrators' API keys (SHA-256 of the key: the key is 256 random
 * bits, so a slow hash adds nothing; the key itself is shown once at creation). Roles: viewer < operator < admin.
 */
export class Auth1795481000000 implements MigrationInterface {
  name = 'Auth1795481000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "username" varchar(64) NOT NULL,
        "password_hash" text NOT NULL,
        "role" varchar(16) NOT NULL CHECK ("role" IN ('viewer', 'operator', 'admin')),
        "disabled" boolean NOT NULL DEFAULT false,
        "created_by" varchar(128) NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "last_login_at" timestamptz NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username" ON "users" (lower("username"))`);
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" varchar(128) NOT NULL,
        "key_prefix" varchar(16) NOT NULL,
        "key_hash" char(64) NOT NULL,
        "role" varchar(16) NOT NULL CHECK ("role" IN ('viewer', 'operator', 'admin')),
        "created_by" varchar(128) NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NULL,
        "revoked_at" timestamptz NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_key_prefix" ON "api_keys" ("key_prefix")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
