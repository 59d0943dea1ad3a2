import { Transform, TransformFnParams } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';
import {
  Bool,
  DateList,
  EachOneOf,
  IntRange,
  IpAllowlistValue,
  IsoInstant,
  MinLengthIfSet,
  NonEmptyList,
  NumberRange,
  OriginList,
  OneOf,
  Percent,
  RequiredInProduction,
  Secret,
  SymbolList,
  ToBool,
  ToInt,
  ToList,
  ToLower,
  ToNumber,
  ToUpper,
  ToUpperList,
  TrustProxyValue,
  UrlOf,
} from './env.rules';

/**
 * The whole environment, validated at boot (STYLE.md point 6). Names and defaults follow the spec's section 16
 * "CONFIGURATION MATRIX" plus the env names used elsewhere in the spec; platform settings (server, queues, clock,
 * webhook hardening, outbox) are ours. docs/configuration.md lists every variable and where we differ from the spec.
 *
 * A field initializer is the default. Unset or empty variables keep it. Optional fields without an initializer
 * (secrets, CLOCK_START, production-only requirements) stay `undefined` and are resolved by `buildAppConfig`.
 */

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const ROLES = ['api', 'worker', 'all'] as const;
/** The queue names of src/queues/queue.contract.ts (kept here so the config does not import the queues). */
export const WORKER_QUEUE_NAMES = [
  'signals',
  'decisions',
  'executions',
  'positions',
  'feedback',
  'alerts',
  'maintenance',
] as const;
export type Role = (typeof ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const EXECUTION_MODES = [
  'auto',
  'ENGINE_A_PRIMARY',
  'ENGINE_B_PRIMARY',
  'SHADOW_ONLY',
  'SPLIT_CAPITAL',
] as const;
export type ExecutionModeSetting = (typeof EXECUTION_MODES)[number];
/** Real providers need credentials; `webhook` is fed by POST /api/webhooks/*; `simulated` is offline and seeded. */
export const MARKET_DATA_PROVIDERS = ['alpaca', 'twelvedata', 'marketdata', 'polygon', 'webhook', 'simulated'] as const;
export type MarketDataProviderName = (typeof MARKET_DATA_PROVIDERS)[number];
export const MARKET_DATA_PROVIDER_SETTINGS = ['auto', ...MARKET_DATA_PROVIDERS] as const;
export type MarketDataProviderSetting = (typeof MARKET_DATA_PROVIDER_SETTINGS)[number];
export const ALPACA_STOCK_FEEDS = ['iex', 'sip', 'delayed_sip'] as const;
export const FILL_MODELS = ['mid', 'cross'] as const;
export type FillModelSetting = (typeof FILL_MODELS)[number];
export const ALPACA_OPTIONS_FEEDS = ['indicative', 'opra'] as const;

export const STRIKE_SELECTION_MODES = ['delta', 'atm'] as const;
export type StrikeSelectionMode = (typeof STRIKE_SELECTION_MODES)[number];

/** TradingView's documented webhook source addresses (TRADINGVIEW_IP_ALLOWLIST=true). */
export const TRADINGVIEW_WEBHOOK_IPS: readonly string[] = [
  '52.89.214.238',
  '34.212.75.30',
  '54.218.53.128',
  '52.32.178.7',
];

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/options_platform';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Both of a pair set, or neither (ADMIN_USERNAME/ADMIN_PASSWORD, BULL_BOARD_USERNAME/BULL_BOARD_PASSWORD, ...). */
function SetTogetherWith(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'setTogetherWith',
    validator: {
      validate: (value: unknown, args: ValidationArguments): boolean =>
        (value === undefined) === ((args.object as Record<string, unknown>)[other] === undefined),
      defaultMessage: (): string => `must be set together with ${other} (set both or neither)`,
    },
  });
}

const PROVIDER_KEYS: Partial<Record<string, readonly string[]>> = {
  alpaca: ['ALPACA_API_KEY', 'ALPACA_SECRET_KEY'],
  twelvedata: ['TWELVE_DATA_API_KEY'],
  marketdata: ['MARKET_DATA_API_KEY'],
  polygon: ['POLYGON_API_KEY'],
};

/** An explicitly chosen real provider must have its keys: no silent fallback to simulated prices. */
function ProviderCredentials(): PropertyDecorator {
  const missing = (args: ValidationArguments): string[] =>
    (PROVIDER_KEYS[String(args.value)] ?? []).filter(
      (key) => (args.object as Record<string, unknown>)[key] === undefined,
    );
  return ValidateBy({
    name: 'providerCredentials',
    validator: {
      validate: (_value: unknown, args: ValidationArguments): boolean => missing(args).length === 0,
      defaultMessage: (args?: ValidationArguments): string =>
        `needs ${args ? missing(args).join(' and ') : 'its API key'} (or use auto/simulated)`,
    },
  });
}

/** APP_MODE: only PAPER boots. */
function PaperOnly(): PropertyDecorator {
  return ValidateBy({
    name: 'paperOnly',
    validator: {
      validate: (value: unknown): boolean => value === 'PAPER',
      defaultMessage: (args?: ValidationArguments): string =>
        args?.value === 'LIVE'
          ? 'LIVE is refused: this platform is paper only (no live brokerage execution); set APP_MODE=PAPER'
          : 'must be PAPER (this platform is paper only)',
    },
  });
}

export class EnvironmentVariables {
  // ── Server ────────────────────────────────────────────────────────────────────────────────────────────────
  @ToInt() @IntRange(1, 65535) PORT: number = 8080;
  @ToLower() @OneOf(NODE_ENVS) NODE_ENV: NodeEnv = 'development';
  @ToUpper() @PaperOnly() APP_MODE: string = 'PAPER';
  @ToLower() @OneOf(ROLES) ROLE: Role = 'all';
  @ToList() @EachOneOf(WORKER_QUEUE_NAMES) WORKER_QUEUES: string[] = [];
  @ToLower() @OneOf(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';
  @TrustProxyValue() TRUST_PROXY: string = 'false';
  @ToInt() @IntRange(0) SHUTDOWN_TIMEOUT_MS: number = 10000;
  /** Allowed browser origins for CORS (comma list); empty = no CORS headers (same-origin only). */
  @ToList() @OriginList() CORS_ORIGINS: string[] = [];

  // ── Database ──────────────────────────────────────────────────────────────────────────────────────────────
  @RequiredInProduction('a postgres:// URL') @UrlOf(['postgres:', 'postgresql:']) DATABASE_URL?: string;
  @ToInt() @IntRange(1, 1000) DB_POOL_MAX: number = 20;
  @ToBool() @Bool() RUN_MIGRATIONS: boolean = true;
  @ToInt() @IntRange(1) DB_CONNECT_TIMEOUT_MS: number = 1000;

  // ── Redis / queues ────────────────────────────────────────────────────────────────────────────────────────
  @RequiredInProduction('a redis:// URL') @UrlOf(['redis:', 'rediss:']) REDIS_URL?: string;
  @ValidatePrefix() QUEUE_PREFIX: string = 'bull';

  // ── Clock ─────────────────────────────────────────────────────────────────────────────────────────────────
  @IsoInstant() CLOCK_START?: string;
  @ToNumber() @NumberRange(0, 10000, true) CLOCK_SPEED: number = 1;

  // ── Webhook ───────────────────────────────────────────────────────────────────────────────────────────────
  @Secret() HMAC_SECRET?: string;
  @ToInt() @IntRange(1024, 10485760) WEBHOOK_MAX_BODY_BYTES: number = 131072;
  @ToBool() @Bool() REQUIRE_TIMEFRAME: boolean = false;
  @ToInt() @IntRange(0, 86400) SIGNAL_DEDUP_WINDOW_SECONDS: number = 60;
  @IpAllowlistValue() TRADINGVIEW_IP_ALLOWLIST: string = 'false';
  @ToInt() @IntRange(0) WEBHOOK_RATE_LIMIT_PER_MINUTE: number = 0;
  @ToInt() @IntRange(1, 2500) WEBHOOK_ENQUEUE_TIMEOUT_MS: number = 250;
  @ToInt() @IntRange(0, 10485760) WEBHOOK_RAW_PAYLOAD_MAX_BYTES: number = 32768;

  // ── Auth ──────────────────────────────────────────────────────────────────────────────────────────────────
  @Secret() @RequiredInProduction('at least 32 random characters') @MinLengthIfSet(32) JWT_SECRET?: string;
  @ToInt() @IntRange(60, 2592000) JWT_TTL_SECONDS: number = 43200;
  @ToInt() @IntRange(10, 20) PASSWORD_HASH_COST: number = 14;
  @SetTogetherWith('ADMIN_PASSWORD') ADMIN_USERNAME?: string;
  @Secret() @SetTogetherWith('ADMIN_USERNAME') ADMIN_PASSWORD?: string;
  @SetTogetherWith('BULL_BOARD_PASSWORD') BULL_BOARD_USERNAME?: string;
  @Secret() @SetTogetherWith('BULL_BOARD_USERNAME') BULL_BOARD_PASSWORD?: string;
  @Secret() CRON_SECRET?: string;
  @ToInt() @IntRange(0) LOGIN_RATE_LIMIT_PER_MINUTE: number = 10;
  @ToInt() @IntRange(0) API_RATE_LIMIT_PER_MINUTE: number = 300;

  // ── Outbox ────────────────────────────────────────────────────────────────────────────────────────────────
  @ToInt() @IntRange(100) OUTBOX_SWEEP_INTERVAL_MS: number = 10000;
  @ToInt() @IntRange(1) OUTBOX_GRACE_SECONDS: number = 30;
  @ToInt() @IntRange(1, 10000) OUTBOX_BATCH_SIZE: number = 500;

  // ── Market data ───────────────────────────────────────────────────────────────────────────────────────────
  @ToLower()
  @OneOf(MARKET_DATA_PROVIDER_SETTINGS)
  @ProviderCredentials()
  MARKET_DATA_PROVIDER: MarketDataProviderSetting = 'auto';
  @ToList() @NonEmptyList() @EachOneOf(MARKET_DATA_PROVIDERS) MARKET_DATA_PROVIDER_PRIORITY: string[] = [
    'alpaca',
    'twelvedata',
    'marketdata',
    'polygon',
  ];
  @Secret() ALPACA_API_KEY?: string;
  @Secret() ALPACA_SECRET_KEY?: string;
  @ToBool() @Bool() ALPACA_PAPER: boolean = true;
  @UrlOf(['https:', 'http:']) ALPACA_BASE_URL: string = 'https://paper-api.alpaca.markets';
  @UrlOf(['https:', 'http:']) ALPACA_DATA_URL: string = 'https://data.alpaca.markets';
  @ToLower() @OneOf(ALPACA_STOCK_FEEDS) ALPACA_STOCK_FEED: string = 'iex';
  @ToLower() @OneOf(ALPACA_OPTIONS_FEEDS) ALPACA_OPTIONS_FEED: string = 'indicative';
  @Secret() TWELVE_DATA_API_KEY?: string;
  @UrlOf(['https:', 'http:']) TWELVE_DATA_BASE_URL: string = 'https://api.twelvedata.com';
  @Secret() MARKET_DATA_API_KEY?: string;
  @UrlOf(['https:', 'http:']) MARKET_DATA_APP_BASE_URL: string = 'https://api.marketdata.app';
  @Secret() POLYGON_API_KEY?: string;
  @Secret() UNUSUAL_WHALES_API_KEY?: string;
  @ToBool() @Bool() UNUSUAL_WHALES_OPTIONS_ENABLED: boolean = true;
  @ToInt() @IntRange(100, 60000) MARKET_DATA_TIMEOUT_MS: number = 3000;
  @ToInt() @IntRange(0) MARKET_DATA_QUOTE_TTL_MS: number = 5000;
  @ToInt() @IntRange(0) MARKET_DATA_CHAIN_TTL_MS: number = 60000;
  @ToInt() @IntRange(0, 2147483647) SIM_SEED: number = 42;
  @ToNumber() @NumberRange(0, undefined, true) PAPER_ACCOUNT_EQUITY: number = 100000;
  @ToUpperList() @NonEmptyList() @SymbolList() GAMMA_METRICS_SYMBOLS: string[] = ['SPY', 'QQQ', 'IWM'];
  @ToNumber() @NumberRange(0, 0.25) RISK_FREE_RATE: number = 0.04;

  // ── Market calendar and strike selection ─────────────────────────────────────────────────────────────────────
  @ToList() @DateList() MARKET_EXTRA_CLOSURES: string[] = [];
  @ToLower() @OneOf(STRIKE_SELECTION_MODES) STRIKE_SELECTION_MODE: StrikeSelectionMode = 'delta';
  @ToNumber() @NumberRange(0, 100) STRIKE_MAX_SPREAD_PCT: number = 10;
  @ToInt() @IntRange(0) STRIKE_MIN_OPEN_INTEREST: number = 100;
  @ToInt() @IntRange(0) STRIKE_MIN_VOLUME: number = 10;

  // ── Worker intervals (spec names; queues replace the polling, see docs/configuration.md) ────────────────────
  @ToInt() @IntRange(100) SIGNAL_PROCESSOR_INTERVAL: number = 30000;
  @ToInt() @IntRange(100) ORDER_CREATOR_INTERVAL: number = 30000;
  @ToInt() @IntRange(100) PAPER_EXECUTOR_INTERVAL: number = 10000;
  @ToInt() @IntRange(1, 1000) PAPER_EXECUTOR_BATCH_SIZE: number = 10;
  @ToInt() @IntRange(1000) POSITION_REFRESHER_INTERVAL: number = 60000;
  @ToInt() @IntRange(1000) EXIT_MONITOR_INTERVAL: number = 60000;
  @ToInt() @IntRange(100) ORCHESTRATOR_INTERVAL_MS: number = 30000;
  @ToInt() @IntRange(1, 1000) ORCHESTRATOR_BATCH_SIZE: number = 20;
  @ToInt() @IntRange(1, 100) ORCHESTRATOR_CONCURRENCY: number = 5;
  @ToInt() @IntRange(100) ORCHESTRATOR_SIGNAL_TIMEOUT_MS: number = 30000;
  @ToInt() @IntRange(0) ORCHESTRATOR_RETRY_DELAY_MS: number = 60000;
  @ToInt() @IntRange(1, 100) ORCHESTRATOR_MAX_ATTEMPTS: number = 3;

  // ── Risk ──────────────────────────────────────────────────────────────────────────────────────────────────
  @ToInt() @IntRange(1, 10000) MAX_POSITION_SIZE: number = 10;
  @ToNumber() @NumberRange(0) MAX_DAILY_LOSS: number = 1000;
  @ToInt() @IntRange(0, 10000) MAX_OPEN_POSITIONS: number = 5;
  @ToInt() @IntRange(0, 10000) MAX_POSITIONS_PER_SYMBOL: number = 3;
  @ToNumber() @NumberRange(0) MAX_TOTAL_EXPOSURE: number = 10000;
  @ToNumber() @Percent() MAX_EXPOSURE_PERCENT: number = 20;
  @ToBool() @Bool() ALLOW_PREMARKET: boolean = false;
  @ToBool() @Bool() ALLOW_AFTERHOURS: boolean = false;
  @ToBool() @Bool() DECISION_ONLY_WHEN_MARKET_CLOSED: boolean = true;
  @ToBool() @Bool() QUEUE_SIGNALS_WHEN_MARKET_CLOSED: boolean = true;
  @ToInt() @IntRange(0, 390) MARKET_CLOSE_GRACE_MINUTES: number = 10;
  @ToInt() @IntRange(1, 10080) SIGNAL_MAX_AGE_MINUTES: number = 30;
  @ToInt() @IntRange(0) MAX_DAILY_TRADES: number = 0;
  @ToInt() @IntRange(0, 1440) RISK_COOLDOWN_MINUTES: number = 5;
  @ToNumber() @Percent() DEFAULT_SIGNAL_CONFIDENCE: number = 50;
  @ToBool() @Bool() POSITION_REPLACEMENT_ENABLED: boolean = false;
  @ToNumber() @Percent() MIN_CONFIDENCE_FOR_REPLACEMENT: number = 70;
  @ToBool() @Bool() AUTO_CLOSE_NEAR_TARGET: boolean = false;
  @ToBool() @Bool() CLOSE_AGED_POSITIONS: boolean = false;
  @ToInt() @IntRange(0) MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE: number = 15;

  // ── Exits ─────────────────────────────────────────────────────────────────────────────────────────────────
  @ToNumber() @NumberRange(0, 10000, true) PROFIT_TARGET_PCT: number = 50;
  @ToNumber() @NumberRange(0, 100, true) STOP_LOSS_PCT: number = 50;
  @ToInt() @IntRange(0, 365) TIME_STOP_DTE: number = 1;
  @ToInt() @IntRange(0, 365) MAX_HOLD_DAYS: number = 5;
  @ToNumber() @NumberRange(0, 8760, true) MAX_HOLD_TIME_HOURS: number = 120;
  @ToBool() @Bool() ENABLE_EXIT_DECISION_ENGINE: boolean = true;
  @ToBool() @Bool() ENABLE_EXIT_INTELLIGENCE: boolean = true;
  @ToNumber() @NumberRange(0, 100) TRAILING_STOP_PCT: number = 0;
  @ToNumber() @NumberRange(0, 10000) TRAILING_STOP_ACTIVATION_PCT: number = 20;

  // ── Paper fills ───────────────────────────────────────────────────────────────────────────────────────────
  @ToLower() @OneOf(FILL_MODELS) FILL_MODEL: string = 'mid';
  @ToNumber() @NumberRange(0, 1000) FILL_SLIPPAGE_BPS: number = 0;
  @ToNumber() @NumberRange(0, 100) COMMISSION_PER_CONTRACT: number = 0;
  @ToNumber() @NumberRange(0, 100) FEES_PER_CONTRACT: number = 0;
  @ToInt() @IntRange(1000, 86400000) MAX_QUOTE_AGE_MS: number = 60000;

  // ── Performance feedback ──────────────────────────────────────────────────────────────────────────────────
  @ToBool() @Bool() ADAPTIVE_TUNING_ENABLED: boolean = true;
  @ToInt() @IntRange(1, 100000) ADAPTIVE_TUNING_MIN_SAMPLES: number = 30;

  // ── Feature flags (seed the feature_flags table at first boot; the database wins afterwards) ─────────────────
  @ToBool() @Bool() ENABLE_ORCHESTRATOR: boolean = true;
  @ToBool() @Bool() ENABLE_VARIANT_B: boolean = false;
  @ToBool() @Bool() ENABLE_ORB_SPECIALIST: boolean = false;
  @ToBool() @Bool() ENABLE_STRAT_SPECIALIST: boolean = false;
  @ToBool() @Bool() ENABLE_TTM_SPECIALIST: boolean = false;
  @ToBool() @Bool() ENABLE_SATYLAND_SUBAGENT: boolean = false;
  @ToBool() @Bool() ENABLE_SHADOW_EXECUTION: boolean = false;
  @ToBool() @Bool() ENABLE_DUAL_PAPER_TRADING: boolean = false;

  // ── Experiment / execution policy ─────────────────────────────────────────────────────────────────────────
  @ToNumber() @Percent() AB_SPLIT_PERCENTAGE: number = 0;
  @ExecutionMode() EXECUTION_MODE: ExecutionModeSetting = 'auto';
  @ToNumber() @Percent() SPLIT_CAPITAL_A_PERCENT: number = 50;

  // ── MTF bias ──────────────────────────────────────────────────────────────────────────────────────────────
  @ToBool() @Bool() ENABLE_MTF_BIAS_PIPELINE: boolean = true;
  /** Unset: true in production, false in development/test (the spec's "true (prod)"). */
  @ToBool() @Bool() REQUIRE_MTF_BIAS_FOR_ENTRY?: boolean;
  /** Unset: true in production, false in development/test (the spec's "true (prod)"). */
  @ToBool() @Bool() ENABLE_PORTFOLIO_GUARD?: boolean;
  @ToBool() @Bool() BIAS_CONTROL_DEBUG_MODE: boolean = false;

  // ── Confluence ────────────────────────────────────────────────────────────────────────────────────────────
  @ToNumber() @Percent() CONFLUENCE_MIN_THRESHOLD: number = 50;
  @ToBool() @Bool() ENABLE_CONFLUENCE_GATE: boolean = true;
  @ToBool() @Bool() ENABLE_CONFLUENCE_SIZING: boolean = true;
  @ToInt() @IntRange(1, 10000) BASE_POSITION_SIZE: number = 1;

  // ── Dealer strategy ───────────────────────────────────────────────────────────────────────────────────────
  @ToBool() @Bool() ENABLE_DEALER_UW_GAMMA: boolean = false;
  @ToBool() @Bool() ENABLE_DEALER_GEX: boolean = true;
  @ToNumber() @NumberRange(0, 1) DEALER_STRATEGY_WEIGHT: number = 0.25;
  @ToNumber() @NumberRange(0) DEALER_UW_NEUTRAL_THRESHOLD: number = 100000000;

  // ── Cron ──────────────────────────────────────────────────────────────────────────────────────────────────
  @ToInt() @IntRange(1, 1000) CRON_BATCH_SIZE: number = 20;
  @ToBool() @Bool() ENABLE_CRON_PROCESSING: boolean = true;

  // ── Monitoring / alerts ───────────────────────────────────────────────────────────────────────────────────
  @Secret() @UrlOf(['https:', 'http:']) SENTRY_DSN?: string;
  @ToBool() @Bool() E2E_TEST_MODE: boolean = false;
  @ToInt() @IntRange(0) PROCESSING_QUEUE_DEPTH_ALERT: number = 100;
  @ToBool() @Bool() ALERTS_ENABLED: boolean = false;
  @Secret() @UrlOf(['https:', 'http:']) DISCORD_WEBHOOK_URL?: string;
  @Secret() @UrlOf(['https:', 'http:']) SLACK_WEBHOOK_URL?: string;
  @ToInt() @IntRange(1, 20) ALERT_MAX_ATTEMPTS: number = 5;
  @ToInt() @IntRange(10, 600000) ALERT_BACKOFF_MS: number = 2000;
}

/** 'auto' (any case) or one of the spec's execution modes (upper-cased). */
function ExecutionMode(): PropertyDecorator {
  return (target: object, key: string | symbol): void => {
    Transform(({ value }: TransformFnParams): unknown =>
      typeof value === 'string' ? (value.trim().toLowerCase() === 'auto' ? 'auto' : value.trim().toUpperCase()) : value,
    )(target, key);
    ValidateBy({
      name: 'executionMode',
      validator: {
        validate: (value: unknown): boolean => (EXECUTION_MODES as readonly unknown[]).includes(value),
        defaultMessage: (): string => `must be one of ${EXECUTION_MODES.join(', ')}`,
      },
    })(target, key);
  };
}

/** BullMQ key prefix: 1-64 characters, no whitespace ({hash-tags} allowed for Redis Cluster). */
function ValidatePrefix(): PropertyDecorator {
  return ValidateBy({
    name: 'queuePrefix',
    validator: {
      validate: (value: unknown): boolean => typeof value === 'string' && /^[A-Za-z0-9_.:{}-]{1,64}$/.test(value),
      defaultMessage: (): string => 'must be 1-64 characters of letters, digits and _ . : { } - (no spaces)',
    },
  });
}
