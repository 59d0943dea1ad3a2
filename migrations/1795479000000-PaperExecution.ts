import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paper execution: a fill records its costs, the quotes it was priced against (slippage telemetry) and, for a
 * closing fill, the position and the realized P&L of that fill; an order keeps the mid the decision saw and why a
 * closing order was sent; a position knows how many contracts its live closing order closes (partial exits).
 */
export class PaperExecution1795479000000 implements MigrationInterface {
  name = 'PaperExecution1795479000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "trades"
         ADD COLUMN "intent" varchar(10) NOT NULL DEFAULT 'open',
         ADD COLUMN "position_id" uuid NULL,
         ADD COLUMN "fees" numeric(10,2) NOT NULL DEFAULT 0,
         ADD COLUMN "quote_bid" numeric(12,4) NULL,
         ADD COLUMN "quote_ask" numeric(12,4) NULL,
         ADD COLUMN "quote_mid" numeric(12,4) NULL,
         ADD COLUMN "decision_mid" numeric(12,4) NULL,
         ADD COLUMN "slippage" numeric(12,4) NULL,
         ADD COLUMN "realized_pnl" numeric(12,2) NULL,
         ADD COLUMN "fill_model" varchar(10) NULL,
         ADD CONSTRAINT "chk_trades_intent" CHECK ("intent" IN ('open', 'close')),
         ADD CONSTRAINT "fk_trades_position_id" FOREIGN KEY ("position_id") REFERENCES "positions"("position_id")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_trades_position_id" ON "trades" ("position_id")`);
    await queryRunner.query(
      `ALTER TABLE "orders"
         ADD COLUMN "decision_mid" numeric(12,4) NULL,
         ADD COLUMN "exit_reason" text NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "positions"
         ADD COLUMN "closing_quantity" integer NULL,
         ADD COLUMN "entry_bias" jsonb NULL,
         ADD COLUMN "exit_state" jsonb NULL,
         ADD CONSTRAINT "chk_positions_closing_quantity"
           CHECK ("closing_quantity" IS NULL OR ("closing_quantity" > 0 AND "closing_quantity" <= "quantity"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "shadow_positions"
         ADD COLUMN "closing_quantity" integer NULL,
         ADD COLUMN "entry_bias" jsonb NULL,
         ADD COLUMN "exit_state" jsonb NULL,
         ADD CONSTRAINT "chk_shadow_positions_closing_quantity"
           CHECK ("closing_quantity" IS NULL OR ("closing_quantity" > 0 AND "closing_quantity" <= "quantity"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "shadow_positions" DROP CONSTRAINT "chk_shadow_positions_closing_quantity",
         DROP COLUMN "closing_quantity", DROP COLUMN "entry_bias", DROP COLUMN "exit_state"`,
    );
    await queryRunner.query(
      `ALTER TABLE "positions" DROP CONSTRAINT "chk_positions_closing_quantity", DROP COLUMN "closing_quantity",
         DROP COLUMN "entry_bias", DROP COLUMN "exit_state"`,
    );
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "decision_mid", DROP COLUMN "exit_reason"`);
    await queryRunner.query(`DROP INDEX "idx_trades_position_id"`);
    await queryRunner.query(
      `ALTER TABLE "trades" DROP CONSTRAINT "fk_trades_position_id", DROP CONSTRAINT "chk_trades_intent",
         DROP COLUMN "intent", DROP COLUMN "position_id", DROP COLUMN "fees", DROP COLUMN "quote_bid",
         DROP COLUMN "quote_ask", DROP COLUMN "quote_mid", DROP COLUMN "decision_mid", DROP COLUMN "slippage",
         DROP COLUMN "realized_pnl", DROP COLUMN "fill_model"`,
    );
  }
}
