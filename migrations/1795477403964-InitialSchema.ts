import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of spec section 13, with the changes listed in docs/schema.md:
 * `positions` (not `refactored_positions`), `signal_enrichments` (not `refactored_signals`), the columns the
 * event-driven pipeline needs, and the unique constraints that make duplicate orders, trades and positions
 * impossible.
 *
 * Tables are created first and every foreign key is added afterwards: `signals.experiment_id` and
 * `experiments.signal_id` reference each other.
 *
 * Names: pk_<table>, fk_<table>_<column>, uq_<table>_<what>, chk_<table>_<what>, idx_<table>_<columns>.
 * The entities in src/database/entities declare the same names, so the schema builder sees no drift.
 */
export class InitialSchema1795477403964 implements MigrationInterface {
  name = 'InitialSchema1795477403964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...TABLES, ...FOREIGN_KEYS, ...INDEXES]) {
      await queryRunner.query(statement);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLE_NAMES].reverse()) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
  }
}

const TABLE_NAMES = [
  'signals',
  'experiments',
  'webhook_events',
  'signal_enrichments',
  'execution_policies',
  'decision_recommendations',
  'agent_decisions',
  'positions',
  'orders',
  'trades',
  'shadow_trades',
  'shadow_positions',
  'exit_rules',
  'risk_limits',
  'feature_flags',
  'agent_performance',
  'bias_state_current',
  'bias_trade_performance',
  'bias_adaptive_config_history',
] as const;

/** Columns shared by `positions` and `shadow_positions` (spec: shadow_positions mirrors positions). */
function positionColumns(table: string): string {
  return `
    "signal_id" uuid,
    "symbol" varchar(20) NOT NULL,
    "option_symbol" varchar(50) NOT NULL,
    "strike" numeric(10,2) NOT NULL,
    "expiration" date NOT NULL,
    "type" varchar(10) NOT NULL,
    "direction" varchar(10),
    "quantity" integer NOT NULL,
    "entry_price" numeric(12,4) NOT NULL,
    "current_price" numeric(12,4),
    "high_water_price" numeric(12,4),
    "unrealized_pnl" numeric(12,2),
    "realized_pnl" numeric(12,2),
    "status" varchar(20) NOT NULL DEFAULT 'open',
    "entry_timestamp" timestamptz NOT NULL,
    "exit_timestamp" timestamptz,
    "exit_reason" text,
    "engine" varchar(1) NOT NULL,
    "experiment_id" uuid,
    "entry_bias_score" numeric,
    "entry_regime_type" varchar(50),
    "entry_mode_hint" varchar(50),
    "entry_macro_class" varchar(50),
    "entry_acceleration_state_strength_delta" numeric,
    "position_pnl_percent" numeric,
    "last_updated" timestamptz,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "chk_${table}_type" CHECK ("type" IN ('call', 'put')),
    CONSTRAINT "chk_${table}_direction" CHECK ("direction" IN ('long', 'short')),
    CONSTRAINT "chk_${table}_quantity" CHECK ("quantity" > 0),
    CONSTRAINT "chk_${table}_status" CHECK ("status" IN ('open', 'closing', 'closed')),
    CONSTRAINT "chk_${table}_engine" CHECK ("engine" IN ('A', 'B'))`;
}

const TABLES: readonly string[] = [
  `CREATE TABLE "signals" (
    "signal_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "symbol" varchar(20) NOT NULL,
    "exchange" varchar(20),
    "action" varchar(10) NOT NULL,
    "direction" varchar(10),
    "timeframe" varchar(10) NOT NULL,
    "timestamp" timestamptz NOT NULL,
    "price" numeric(18,6),
    "status" varchar(20) NOT NULL DEFAULT 'pending',
    "decision_only" boolean NOT NULL DEFAULT false,
    "raw_payload" jsonb,
    "signal_hash" varchar(64),
    "dedup_key" varchar(64) NOT NULL,
    "request_id" uuid,
    "is_test" boolean NOT NULL DEFAULT false,
    "test_session_id" varchar(128),
    "test_scenario" varchar(128),
    "rejection_reason" text,
    "processed" boolean NOT NULL DEFAULT false,
    "experiment_id" uuid,
    "meta_gamma" jsonb,
    "queued_until" timestamptz,
    "queued_at" timestamptz,
    "queue_reason" varchar(100),
    "processing_attempts" integer NOT NULL DEFAULT 0,
    "next_retry_at" timestamptz,
    "received_at" timestamptz NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_signals" PRIMARY KEY ("signal_id"),
    CONSTRAINT "chk_signals_action" CHECK ("action" IN ('entry', 'exit', 'cancel', 'add')),
    CONSTRAINT "chk_signals_direction" CHECK ("direction" IN ('long', 'short')),
    CONSTRAINT "chk_signals_entry_direction" CHECK ("action" <> 'entry' OR "direction" IS NOT NULL),
    CONSTRAINT "chk_signals_status" CHECK ("status" IN ('pending', 'queued', 'approved', 'rejected')),
    CONSTRAINT "chk_signals_processing_attempts" CHECK ("processing_attempts" >= 0)
  )`,
  `CREATE TABLE "experiments" (
    "experiment_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "signal_id" uuid NOT NULL,
    "variant" varchar(1) NOT NULL,
    "assignment_hash" varchar(64) NOT NULL,
    "split_percentage" integer NOT NULL,
    "policy_version" varchar(20) NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_experiments" PRIMARY KEY ("experiment_id"),
    CONSTRAINT "uq_experiments_signal" UNIQUE ("signal_id"),
    CONSTRAINT "chk_experiments_variant" CHECK ("variant" IN ('A', 'B')),
    CONSTRAINT "chk_experiments_split_percentage" CHECK ("split_percentage" BETWEEN 0 AND 100)
  )`,
  `CREATE TABLE "webhook_events" (
    "event_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "request_id" uuid,
    "signal_id" uuid,
    "experiment_id" uuid,
    "variant" varchar(1),
    "status" varchar(30) NOT NULL,
    "reason_code" varchar(50),
    "error_message" text,
    "error_details" jsonb,
    "symbol" varchar(20),
    "action" varchar(10),
    "direction" varchar(10),
    "timeframe" varchar(10),
    "exchange" varchar(20),
    "processing_time_ms" integer,
    "http_status" smallint,
    "raw_payload" jsonb,
    "content_type" varchar(100),
    "source_ip" varchar(64),
    "body_format" varchar(20),
    "payload_bytes" integer,
    "duplicate_of" uuid,
    "is_test" boolean NOT NULL DEFAULT false,
    "test_session_id" varchar(128),
    "test_scenario" varchar(128),
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_webhook_events" PRIMARY KEY ("event_id"),
    CONSTRAINT "chk_webhook_events_variant" CHECK ("variant" IN ('A', 'B')),
    CONSTRAINT "chk_webhook_events_status" CHECK (
      "status" IN ('accepted', 'duplicate', 'invalid_signature', 'invalid_payload', 'forbidden', 'error')
    )
  )`,
  `CREATE TABLE "signal_enrichments" (
    "enrichment_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "signal_id" uuid NOT NULL,
    "enriched_data" jsonb,
    "risk_check_result" jsonb,
    "rejection_reason" text,
    "processed_at" timestamptz NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_signal_enrichments" PRIMARY KEY ("enrichment_id"),
    CONSTRAINT "uq_signal_enrichments_signal" UNIQUE ("signal_id")
  )`,
  `CREATE TABLE "execution_policies" (
    "policy_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "experiment_id" uuid NOT NULL,
    "execution_mode" varchar(30) NOT NULL,
    "executed_engine" varchar(1),
    "shadow_engine" varchar(1),
    "reason" text,
    "policy_version" varchar(20) NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_execution_policies" PRIMARY KEY ("policy_id"),
    CONSTRAINT "uq_execution_policies_experiment" UNIQUE ("experiment_id"),
    CONSTRAINT "chk_execution_policies_execution_mode" CHECK (
      "execution_mode" IN ('SHADOW_ONLY', 'ENGINE_A_PRIMARY', 'ENGINE_B_PRIMARY', 'SPLIT_CAPITAL')
    ),
    CONSTRAINT "chk_execution_policies_executed_engine" CHECK ("executed_engine" IN ('A', 'B')),
    CONSTRAINT "chk_execution_policies_shadow_engine" CHECK ("shadow_engine" IN ('A', 'B'))
  )`,
  `CREATE TABLE "decision_recommendations" (
    "experiment_id" uuid NOT NULL,
    "engine" varchar(1) NOT NULL,
    "signal_id" uuid NOT NULL,
    "symbol" varchar(20) NOT NULL,
    "direction" varchar(10),
    "timeframe" varchar(10),
    "strike" numeric(10,2),
    "expiration" date,
    "quantity" integer,
    "entry_price" numeric(12,4),
    "is_shadow" boolean NOT NULL DEFAULT false,
    "rationale" jsonb,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_decision_recommendations" PRIMARY KEY ("experiment_id", "engine"),
    CONSTRAINT "chk_decision_recommendations_engine" CHECK ("engine" IN ('A', 'B')),
    CONSTRAINT "chk_decision_recommendations_direction" CHECK ("direction" IN ('long', 'short')),
    CONSTRAINT "chk_decision_recommendations_quantity" CHECK ("quantity" >= 0)
  )`,
  `CREATE TABLE "agent_decisions" (
    "decision_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "experiment_id" uuid,
    "signal_id" uuid NOT NULL,
    "agent_name" varchar(50) NOT NULL,
    "agent_type" varchar(20) NOT NULL,
    "bias" varchar(20) NOT NULL,
    "confidence" integer NOT NULL,
    "reasons" jsonb NOT NULL DEFAULT '[]'::jsonb,
    "block" boolean NOT NULL DEFAULT false,
    "metadata" jsonb,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_agent_decisions" PRIMARY KEY ("decision_id"),
    CONSTRAINT "uq_agent_decisions_signal_agent" UNIQUE ("signal_id", "agent_name"),
    CONSTRAINT "chk_agent_decisions_agent_type" CHECK ("agent_type" IN ('core', 'specialist', 'subagent')),
    CONSTRAINT "chk_agent_decisions_bias" CHECK ("bias" IN ('bullish', 'bearish', 'neutral')),
    CONSTRAINT "chk_agent_decisions_confidence" CHECK ("confidence" BETWEEN 0 AND 100)
  )`,
  `CREATE TABLE "positions" (
    "position_id" uuid NOT NULL DEFAULT gen_random_uuid(),${positionColumns('positions')},
    CONSTRAINT "pk_positions" PRIMARY KEY ("position_id")
  )`,
  `CREATE TABLE "orders" (
    "order_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "signal_id" uuid,
    "position_id" uuid,
    "intent" varchar(10) NOT NULL DEFAULT 'open',
    "symbol" varchar(20) NOT NULL,
    "option_symbol" varchar(50) NOT NULL,
    "strike" numeric(10,2) NOT NULL,
    "expiration" date NOT NULL,
    "type" varchar(10) NOT NULL,
    "quantity" integer NOT NULL,
    "order_type" varchar(20) NOT NULL DEFAULT 'paper',
    "status" varchar(20) NOT NULL DEFAULT 'pending_execution',
    "engine" varchar(1) NOT NULL,
    "experiment_id" uuid,
    "failure_reason" text,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_orders" PRIMARY KEY ("order_id"),
    CONSTRAINT "chk_orders_intent" CHECK ("intent" IN ('open', 'close')),
    CONSTRAINT "chk_orders_close_position" CHECK ("intent" = 'open' OR "position_id" IS NOT NULL),
    CONSTRAINT "chk_orders_type" CHECK ("type" IN ('call', 'put')),
    CONSTRAINT "chk_orders_quantity" CHECK ("quantity" > 0),
    CONSTRAINT "chk_orders_order_type" CHECK ("order_type" IN ('paper', 'live')),
    CONSTRAINT "chk_orders_status" CHECK ("status" IN ('pending_execution', 'filled', 'failed')),
    CONSTRAINT "chk_orders_engine" CHECK ("engine" IN ('A', 'B'))
  )`,
  `CREATE TABLE "trades" (
    "trade_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "order_id" uuid NOT NULL,
    "fill_price" numeric(12,4) NOT NULL,
    "fill_quantity" integer NOT NULL,
    "fill_timestamp" timestamptz NOT NULL,
    "commission" numeric(10,2) NOT NULL DEFAULT 0,
    "engine" varchar(1),
    "experiment_id" uuid,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_trades" PRIMARY KEY ("trade_id"),
    CONSTRAINT "uq_trades_order" UNIQUE ("order_id"),
    CONSTRAINT "chk_trades_fill_price" CHECK ("fill_price" >= 0),
    CONSTRAINT "chk_trades_fill_quantity" CHECK ("fill_quantity" > 0),
    CONSTRAINT "chk_trades_engine" CHECK ("engine" IN ('A', 'B'))
  )`,
  `CREATE TABLE "shadow_trades" (
    "shadow_trade_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "experiment_id" uuid NOT NULL,
    "signal_id" uuid NOT NULL,
    "engine" varchar(1) NOT NULL,
    "symbol" varchar(20) NOT NULL,
    "option_symbol" varchar(50) NOT NULL,
    "strike" numeric(10,2) NOT NULL,
    "expiration" date NOT NULL,
    "type" varchar(10) NOT NULL,
    "quantity" integer NOT NULL,
    "entry_price" numeric(12,4) NOT NULL,
    "entry_timestamp" timestamptz NOT NULL,
    "contributing_agents" jsonb NOT NULL DEFAULT '[]'::jsonb,
    "meta_confidence" integer,
    "dealer_decision" jsonb,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_shadow_trades" PRIMARY KEY ("shadow_trade_id"),
    CONSTRAINT "uq_shadow_trades_experiment_engine" UNIQUE ("experiment_id", "engine"),
    CONSTRAINT "chk_shadow_trades_engine" CHECK ("engine" IN ('A', 'B')),
    CONSTRAINT "chk_shadow_trades_type" CHECK ("type" IN ('call', 'put')),
    CONSTRAINT "chk_shadow_trades_quantity" CHECK ("quantity" > 0),
    CONSTRAINT "chk_shadow_trades_meta_confidence" CHECK ("meta_confidence" BETWEEN 0 AND 100)
  )`,
  `CREATE TABLE "shadow_positions" (
    "shadow_position_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "shadow_trade_id" uuid NOT NULL,${positionColumns('shadow_positions')},
    CONSTRAINT "pk_shadow_positions" PRIMARY KEY ("shadow_position_id"),
    CONSTRAINT "uq_shadow_positions_shadow_trade" UNIQUE ("shadow_trade_id")
  )`,
  `CREATE TABLE "exit_rules" (
    "rule_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "rule_name" varchar(50) NOT NULL DEFAULT 'default',
    "profit_target_percent" numeric(5,2) NOT NULL DEFAULT 50.00,
    "stop_loss_percent" numeric(5,2) NOT NULL DEFAULT 50.00,
    "max_hold_time_hours" integer NOT NULL DEFAULT 120,
    "min_dte_exit" integer NOT NULL DEFAULT 1,
    "enabled" boolean NOT NULL DEFAULT true,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_exit_rules" PRIMARY KEY ("rule_id"),
    CONSTRAINT "uq_exit_rules_rule_name" UNIQUE ("rule_name"),
    CONSTRAINT "chk_exit_rules_profit_target_percent" CHECK ("profit_target_percent" > 0),
    CONSTRAINT "chk_exit_rules_stop_loss_percent" CHECK ("stop_loss_percent" > 0 AND "stop_loss_percent" <= 100),
    CONSTRAINT "chk_exit_rules_max_hold_time_hours" CHECK ("max_hold_time_hours" > 0),
    CONSTRAINT "chk_exit_rules_min_dte_exit" CHECK ("min_dte_exit" >= 0)
  )`,
  `CREATE TABLE "risk_limits" (
    "limit_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "max_position_size" integer NOT NULL DEFAULT 10,
    "max_total_exposure" numeric(10,2) NOT NULL DEFAULT 10000.00,
    "max_exposure_percent" numeric(5,2) NOT NULL DEFAULT 20.00,
    "max_positions_per_symbol" integer NOT NULL DEFAULT 3,
    "enabled" boolean NOT NULL DEFAULT true,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_risk_limits" PRIMARY KEY ("limit_id"),
    CONSTRAINT "chk_risk_limits_max_position_size" CHECK ("max_position_size" > 0),
    CONSTRAINT "chk_risk_limits_max_total_exposure" CHECK ("max_total_exposure" >= 0),
    CONSTRAINT "chk_risk_limits_max_exposure_percent" CHECK ("max_exposure_percent" BETWEEN 0 AND 100),
    CONSTRAINT "chk_risk_limits_max_positions_per_symbol" CHECK ("max_positions_per_symbol" > 0)
  )`,
  `CREATE TABLE "feature_flags" (
    "flag_id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "name" varchar(100) NOT NULL,
    "enabled" boolean NOT NULL DEFAULT false,
    "description" text,
    "updated_by" varchar(100),
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_feature_flags" PRIMARY KEY ("flag_id"),
    CONSTRAINT "uq_feature_flags_name" UNIQUE ("name")
  )`,
  `CREATE TABLE "agent_performance" (
    "agent_name" varchar(50) NOT NULL,
    "total_signals" integer NOT NULL DEFAULT 0,
    "approved_signals" integer NOT NULL DEFAULT 0,
    "rejected_signals" integer NOT NULL DEFAULT 0,
    "total_trades" integer NOT NULL DEFAULT 0,
    "winning_trades" integer NOT NULL DEFAULT 0,
    "losing_trades" integer NOT NULL DEFAULT 0,
    "avg_confidence" numeric(5,2),
    "win_rate" numeric(5,2),
    "avg_win" numeric(10,2),
    "avg_loss" numeric(10,2),
    "expectancy" numeric(10,2),
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_agent_performance" PRIMARY KEY ("agent_name"),
    CONSTRAINT "chk_agent_performance_win_rate" CHECK ("win_rate" BETWEEN 0 AND 100)
  )`,
  `CREATE TABLE "bias_state_current" (
    "symbol" varchar(20) NOT NULL,
    "state" jsonb NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_bias_state_current" PRIMARY KEY ("symbol")
  )`,
  `CREATE TABLE "bias_trade_performance" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "position_id" uuid,
    "symbol" varchar(20) NOT NULL,
    "direction" varchar(10),
    "pnl_r" numeric,
    "pnl_percent" numeric,
    "duration_minutes" integer,
    "entry_bias_score" numeric,
    "entry_macro_class" varchar(50),
    "entry_regime" varchar(50),
    "entry_intent" varchar(50),
    "entry_acceleration" numeric,
    "exit_reason_codes" text[] NOT NULL DEFAULT '{}',
    "source" varchar(20) NOT NULL DEFAULT 'live',
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_bias_trade_performance" PRIMARY KEY ("id"),
    CONSTRAINT "uq_bias_trade_performance_position_source" UNIQUE ("position_id", "source"),
    CONSTRAINT "chk_bias_trade_performance_direction" CHECK ("direction" IN ('long', 'short')),
    CONSTRAINT "chk_bias_trade_performance_source" CHECK ("source" IN ('live', 'simulation', 'shadow'))
  )`,
  `CREATE TABLE "bias_adaptive_config_history" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "config_key" varchar(100) NOT NULL,
    "old_value" jsonb,
    "new_value" jsonb,
    "reason" text,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_bias_adaptive_config_history" PRIMARY KEY ("id")
  )`,
];

/** [table, column, referenced table, referenced column, ON DELETE]. Added after every table exists. */
const FOREIGN_KEY_SPECS: ReadonlyArray<readonly [string, string, string, string, string]> = [
  ['signals', 'experiment_id', 'experiments', 'experiment_id', 'SET NULL'],
  ['experiments', 'signal_id', 'signals', 'signal_id', 'CASCADE'],
  ['webhook_events', 'signal_id', 'signals', 'signal_id', 'SET NULL'],
  ['webhook_events', 'experiment_id', 'experiments', 'experiment_id', 'SET NULL'],
  ['webhook_events', 'duplicate_of', 'signals', 'signal_id', 'SET NULL'],
  ['signal_enrichments', 'signal_id', 'signals', 'signal_id', 'CASCADE'],
  ['execution_policies', 'experiment_id', 'experiments', 'experiment_id', 'CASCADE'],
  ['decision_recommendations', 'experiment_id', 'experiments', 'experiment_id', 'CASCADE'],
  ['decision_recommendations', 'signal_id', 'signals', 'signal_id', 'CASCADE'],
  ['agent_decisions', 'experiment_id', 'experiments', 'experiment_id', 'CASCADE'],
  ['agent_decisions', 'signal_id', 'signals', 'signal_id', 'CASCADE'],
  ['positions', 'signal_id', 'signals', 'signal_id', 'SET NULL'],
  ['orders', 'signal_id', 'signals', 'signal_id', 'NO ACTION'],
  ['orders', 'position_id', 'positions', 'position_id', 'NO ACTION'],
  ['trades', 'order_id', 'orders', 'order_id', 'CASCADE'],
  ['shadow_trades', 'experiment_id', 'experiments', 'experiment_id', 'CASCADE'],
  ['shadow_trades', 'signal_id', 'signals', 'signal_id', 'CASCADE'],
  ['shadow_positions', 'shadow_trade_id', 'shadow_trades', 'shadow_trade_id', 'CASCADE'],
  ['shadow_positions', 'signal_id', 'signals', 'signal_id', 'SET NULL'],
];

const FOREIGN_KEYS: readonly string[] = FOREIGN_KEY_SPECS.map(
  ([table, column, refTable, refColumn, onDelete]) =>
    `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_${column}" FOREIGN KEY ("${column}") ` +
    `REFERENCES "${refTable}" ("${refColumn}") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
);

const INDEXES: readonly string[] = [
  // signals: the spec's four, the dedup lookup, and the outbox sweep of non-terminal rows.
  `CREATE INDEX "idx_signals_status" ON "signals" ("status")`,
  `CREATE INDEX "idx_signals_created_at" ON "signals" ("created_at" DESC)`,
  `CREATE INDEX "idx_signals_symbol" ON "signals" ("symbol")`,
  `CREATE INDEX "idx_signals_timestamp" ON "signals" ("timestamp" DESC)`,
  `CREATE INDEX "idx_signals_dedup_key_received_at" ON "signals" ("dedup_key", "received_at" DESC)`,
  `CREATE INDEX "idx_signals_outbox" ON "signals" ("created_at") WHERE "status" IN ('pending', 'queued')`,
  `CREATE INDEX "idx_signals_experiment_id" ON "signals" ("experiment_id")`,

  `CREATE INDEX "idx_webhook_events_created_at" ON "webhook_events" ("created_at" DESC)`,
  `CREATE INDEX "idx_webhook_events_status" ON "webhook_events" ("status")`,
  `CREATE INDEX "idx_webhook_events_variant" ON "webhook_events" ("variant")`,
  `CREATE INDEX "idx_webhook_events_signal_id" ON "webhook_events" ("signal_id")`,
  `CREATE INDEX "idx_webhook_events_request_id" ON "webhook_events" ("request_id")`,

  `CREATE INDEX "idx_decision_recommendations_signal_id" ON "decision_recommendations" ("signal_id")`,
  `CREATE INDEX "idx_agent_decisions_experiment_id" ON "agent_decisions" ("experiment_id")`,

  `CREATE INDEX "idx_orders_status" ON "orders" ("status")`,
  `CREATE INDEX "idx_orders_signal_id" ON "orders" ("signal_id")`,
  `CREATE INDEX "idx_orders_symbol" ON "orders" ("symbol")`,
  `CREATE INDEX "idx_orders_order_type" ON "orders" ("order_type")`,
  `CREATE INDEX "idx_orders_position_id" ON "orders" ("position_id")`,
  `CREATE UNIQUE INDEX "uq_orders_open_per_signal_engine_type" ON "orders" ("signal_id", "engine", "order_type")
    WHERE "intent" = 'open' AND "signal_id" IS NOT NULL`,
  `CREATE UNIQUE INDEX "uq_orders_live_close_per_position" ON "orders" ("position_id")
    WHERE "intent" = 'close' AND "status" = 'pending_execution'`,
  `CREATE INDEX "idx_orders_outbox" ON "orders" ("created_at") WHERE "status" = 'pending_execution'`,

  // trades: the spec's order_id index is the unique constraint uq_trades_order.
  `CREATE INDEX "idx_trades_fill_timestamp" ON "trades" ("fill_timestamp" DESC)`,

  `CREATE INDEX "idx_positions_status" ON "positions" ("status")`,
  `CREATE INDEX "idx_positions_symbol" ON "positions" ("symbol")`,
  `CREATE INDEX "idx_positions_expiration" ON "positions" ("expiration")`,
  `CREATE UNIQUE INDEX "uq_positions_active_option_engine" ON "positions" ("option_symbol", "engine")
    WHERE "status" <> 'closed'`,

  `CREATE INDEX "idx_shadow_trades_signal_id" ON "shadow_trades" ("signal_id")`,
  `CREATE INDEX "idx_shadow_positions_status" ON "shadow_positions" ("status")`,
  `CREATE INDEX "idx_shadow_positions_symbol" ON "shadow_positions" ("symbol")`,
  `CREATE INDEX "idx_shadow_positions_expiration" ON "shadow_positions" ("expiration")`,

  `CREATE INDEX "idx_bias_trade_performance_symbol" ON "bias_trade_performance" ("symbol")`,
  `CREATE INDEX "idx_bias_trade_performance_created_at" ON "bias_trade_performance" ("created_at" DESC)`,
  `CREATE INDEX "idx_bias_adaptive_config_history_key_created_at"
    ON "bias_adaptive_config_history" ("config_key", "created_at" DESC)`,
];
