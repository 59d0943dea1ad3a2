import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spec's default rows: one risk_limits row, the 'default' exit rule, and one feature_flags row per feature
 * flag of spec section 16 (named as the lowercase env variable), written by 'migration'.
 * Idempotent: a row that already exists is left as it is (ON CONFLICT DO NOTHING).
 */
export class SeedDefaults1795477404964 implements MigrationInterface {
  name = 'SeedDefaults1795477404964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "risk_limits"
        ("limit_id", "max_position_size", "max_total_exposure", "max_exposure_percent", "max_positions_per_symbol", "enabled")
       VALUES ($1, 10, 10000.00, 20.00, 3, true)
       ON CONFLICT DO NOTHING`,
      [DEFAULT_RISK_LIMIT_ID],
    );
    await queryRunner.query(
      `INSERT INTO "exit_rules"
        ("rule_id", "rule_name", "profit_target_percent", "stop_loss_percent", "max_hold_time_hours", "min_dte_exit",
         "enabled")
       VALUES ($1, 'default', 50.00, 50.00, 120, 1, true)
       ON CONFLICT DO NOTHING`,
      [DEFAULT_EXIT_RULE_ID],
    );
    for (const [name, enabled, description] of FEATURE_FLAGS) {
      await queryRunner.query(
        `INSERT INTO "feature_flags" ("name", "enabled", "description", "updated_by")
         VALUES ($1, $2, $3, 'migration')
         ON CONFLICT DO NOTHING`,
        [name, enabled, description],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "feature_flags" WHERE "name" = ANY($1)`, [
      FEATURE_FLAGS.map(([name]) => name),
    ]);
    await queryRunner.query(`DELETE FROM "exit_rules" WHERE "rule_id" = $1`, [DEFAULT_EXIT_RULE_ID]);
    await queryRunner.query(`DELETE FROM "risk_limits" WHERE "limit_id" = $1`, [DEFAULT_RISK_LIMIT_ID]);
  }
}

/** Fixed ids, so the seed is idempotent and `down` removes exactly what `up` wrote. */
const DEFAULT_RISK_LIMIT_ID = '00000000-0000-4000-8000-000000000001';
const DEFAULT_EXIT_RULE_ID = '00000000-0000-4000-8000-000000000002';

/** [name, spec default, description]: spec section 16. */
const FEATURE_FLAGS: ReadonlyArray<readonly [string, boolean, string]> = [
  ['enable_orchestrator', true, 'Process signals through the orchestrated pipeline'],
  ['enable_variant_b', false, 'Enable Engine B (multi-agent)'],
  ['enable_orb_specialist', false, 'Opening-range-breakout specialist agent'],
  ['enable_strat_specialist', false, 'Strat specialist agent'],
  ['enable_ttm_specialist', false, 'TTM squeeze specialist agent'],
  ['enable_satyland_subagent', false, 'Satyland sub-agent'],
  ['enable_shadow_execution', false, 'Create shadow trades for the non-primary engine'],
  ['enable_dual_paper_trading', false, 'Both engines create real paper orders'],
  ['enable_mtf_bias_pipeline', true, 'Process multi-timeframe bias webhooks'],
  ['require_mtf_bias_for_entry', true, 'Block entries when no bias state exists for the symbol'],
  ['enable_portfolio_guard', true, 'Exposure-based trade blocking'],
  ['enable_confluence_gate', true, 'Reject signals below the confluence threshold'],
  ['enable_confluence_sizing', true, 'Scale position size by confluence'],
  ['enable_exit_decision_engine', true, 'Tiered exit decision engine'],
  ['enable_exit_intelligence', true, 'Bias-aware exit adjustments'],
  ['enable_dealer_gex', true, 'GEX and flow dealer strategy'],
  ['enable_dealer_uw_gamma', false, 'Unusual Whales gamma dealer strategy'],
  ['position_replacement_enabled', false, 'Close weaker positions to make room for stronger signals'],
  ['auto_close_near_target', false, 'Close positions near their profit target to free capacity'],
  ['close_aged_positions', false, 'Close old low-P&L positions to free capacity'],
];
