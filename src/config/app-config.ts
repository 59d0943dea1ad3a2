import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  EnvironmentVariables,
  ExecutionModeSetting,
  FillModelSetting,
  LogLevel,
  MarketDataProviderName,
  MarketDataProviderSetting,
  NodeEnv,
  StrikeSelectionMode,
  Role,
  TRADINGVIEW_WEBHOOK_IPS,
} from './env.schema';

/**
 * The one typed configuration object, injected as APP_CONFIG. Built once at boot from the validated environment;
 * nothing else in src reads process.env. Percentages are 0..100 as in the spec; durations carry their unit in the
 * name. docs/configuration.md maps every field to its variable.
 */
export interface AppConfig {
  server: {
    port: number;
    nodeEnv: NodeEnv;
    /** Always PAPER: LIVE is refused at boot. */
    appMode: 'PAPER';
    role: Role;
    logLevel: LogLevel;
    /** Express `trust proxy`: false, true, a hop count, or addresses/CIDRs/names. */
    trustProxy: boolean | number | string[];
    shutdownTimeoutMs: number;
    /** Allowed CORS origins; empty = no CORS headers. */
    corsOrigins: string[];
  };
  database: { url: string; poolMax: number; runMigrations: boolean; connectTimeoutMs: number };
  redis: { url: string; queuePrefix: string };
  /** start null = the system clock (speed 1) or the real clock sped up from boot (speed != 1). */
  clock: { start: Date | null; speed: number };
  webhook: {
    /** null = webhooks are unauthenticated (warned at boot). */
    hmacSecret: string | null;
    maxBodyBytes: number;
    requireTimeframe: boolean;
    dedupWindowSeconds: number;
    /** Allowed source IPs/CIDRs; empty = no IP check. */
    ipAllowlist: string[];
    /** 0 = no limit. */
    rateLimitPerMinute: number;
    enqueueTimeoutMs: number;
    rawPayloadMaxBytes: number;
  };
  auth: {
    jwtSecret: string | null;
    jwtTtlSeconds: number;
    /** log2 of scrypt's N for new password hashes (r=8, p=5). */
    passwordHashCost: number;
    adminUsername: string | null;
    adminPassword: string | null;
    cronSecret: string | null;
    /** Per client IP and per username; 0 = no limit. */
    loginRateLimitPerMinute: number;
    /** Per authenticated user or API key; 0 = no limit. */
    apiRateLimitPerMinute: number;
  };
  /** An extra basic-auth login for Bull Board besides admin users, when both are set. */
  bullBoard: { username: string | null; password: string | null };
  outbox: { sweepIntervalMs: number; graceSeconds: number; batchSize: number };
  e2eTestMode: boolean;
  marketData: {
    /** The MARKET_DATA_PROVIDER setting as given ('auto' = the priority list). */
    provider: MarketDataProviderSetting;
    priority: MarketDataProviderName[];
    /** The resolved chain, in order: providers with credentials (plus webhook if listed); ['simulated'] if none. */
    chain: MarketDataProviderName[];
    /** True when the chain is the offline simulator (warned at boot). */
    simulated: boolean;
    timeoutMs: number;
    quoteTtlMs: number;
    chainTtlMs: number;
    simSeed: number;
    gammaMetricsSymbols: string[];
    alpaca: {
      apiKey: string | null;
      secretKey: string | null;
      paper: boolean;
      baseUrl: string;
      dataUrl: string;
      stockFeed: string;
      optionsFeed: string;
    };
    twelveData: { apiKey: string | null; baseUrl: string };
    marketDataApp: { apiKey: string | null; baseUrl: string };
    /** Annual risk-free rate for option pricing (0.04 = 4%). */
    riskFreeRate: number;
    polygon: { apiKey: string | null };
    unusualWhales: { apiKey: string | null; optionsEnabled: boolean };
  };
  account: { paperEquity: number };
  /** One-off exchange closures beyond the built-in list (YYYY-MM-DD). */
  calendar: { extraClosures: string[] };
  strikes: { mode: StrikeSelectionMode; maxSpreadPct: number; minOpenInterest: number; minVolume: number };
  workers: {
    signalProcessorIntervalMs: number;
    orderCreatorIntervalMs: number;
    paperExecutorIntervalMs: number;
    paperExecutorBatchSize: number;
    positionRefresherIntervalMs: number;
    exitMonitorIntervalMs: number;
    orchestratorIntervalMs: number;
    orchestratorBatchSize: number;
    orchestratorConcurrency: number;
    /** WORKER_QUEUES: the queues this process consumes; empty = all. */
    queues: string[];
    orchestratorSignalTimeoutMs: number;
    orchestratorRetryDelayMs: number;
    orchestratorMaxAttempts: number;
  };
  risk: {
    maxPositionSize: number;
    maxDailyLoss: number;
    maxOpenPositions: number;
    maxPositionsPerSymbol: number;
    maxTotalExposure: number;
    maxExposurePercent: number;
    allowPremarket: boolean;
    allowAfterhours: boolean;
    decisionOnlyWhenMarketClosed: boolean;
    queueSignalsWhenMarketClosed: boolean;
    marketCloseGraceMinutes: number;
    signalMaxAgeMinutes: number;
    /** 0 = unlimited. */
    maxDailyTrades: number;
    cooldownMinutes: number;
    defaultSignalConfidence: number;
    positionReplacementEnabled: boolean;
    minConfidenceForReplacement: number;
    autoCloseNearTarget: boolean;
    closeAgedPositions: boolean;
    minHoldMinutesForCapacityClose: number;
  };
  exits: {
    profitTargetPct: number;
    stopLossPct: number;
    timeStopDte: number;
    maxHoldDays: number;
    maxHoldTimeHours: number;
    enableExitDecisionEngine: boolean;
    enableExitIntelligence: boolean;
    /** 0 = no trailing stop. */
    trailingStopPct: number;
    trailingStopActivationPct: number;
  };
  fills: {
    model: FillModelSetting;
    slippageBps: number;
    commissionPerContract: number;
    feesPerContract: number;
    maxQuoteAgeMs: number;
  };
  tuning: { enabled: boolean; minSamples: number };
  /** Seeds for the feature_flags table (first boot only; the database row wins afterwards). */
  features: {
    enableOrchestrator: boolean;
    enableVariantB: boolean;
    enableOrbSpecialist: boolean;
    enableStratSpecialist: boolean;
    enableTtmSpecialist: boolean;
    enableSatylandSubagent: boolean;
    enableShadowExecution: boolean;
    enableDualPaperTrading: boolean;
  };
  experiment: {
    abSplitPercentage: number;
    executionMode: ExecutionModeSetting;
    splitCapitalAPercent: number;
  };
  /** Effective values: E2E_TEST_MODE forces requireForEntry and portfolioGuard off (the spec's behaviour). */
  mtfBias: { pipelineEnabled: boolean; requireForEntry: boolean; portfolioGuard: boolean; debugMode: boolean };
  confluence: { minThreshold: number; gateEnabled: boolean; sizingEnabled: boolean; basePositionSize: number };
  dealer: { uwGammaEnabled: boolean; gexEnabled: boolean; strategyWeight: number; uwNeutralThreshold: number };
  cron: { enabled: boolean; batchSize: number };
  monitoring: { sentryDsn: string | null; processingQueueDepthAlert: number };
  alerts: {
    /** ALERTS_ENABLED and at least one channel URL. */
    enabled: boolean;
    discordWebhookUrl: string | null;
    slackWebhookUrl: string | null;
    maxAttempts: number;
    /** First retry delay; doubles each attempt. */
    backoffMs: number;
    /** PROCESSING_QUEUE_DEPTH_ALERT: waiting jobs in a queue that raise an alert; 0 = off. */
    queueDepthAlert: number;
  };
}

function orNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

export function parseTrustProxy(value: string): boolean | number | string[] {
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase();
  if (lower === '' || lower === 'false') {
    return false;
  }
  if (lower === 'true') {
    return true;
  }
  if (/^\d+$/.test(lower)) {
    return Number(lower);
  }
  return trimmed
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseIpAllowlist(value: string): string[] {
  const lower = value.trim().toLowerCase();
  if (lower === '' || lower === 'false') {
    return [];
  }
  if (lower === 'true') {
    return [...TRADINGVIEW_WEBHOOK_IPS];
  }
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Whether a real provider has its credentials; webhook needs none, simulated is the fallback. */
function hasCredentials(env: EnvironmentVariables, provider: MarketDataProviderName): boolean {
  switch (provider) {
    case 'alpaca':
      return env.ALPACA_API_KEY !== undefined && env.ALPACA_SECRET_KEY !== undefined;
    case 'twelvedata':
      return env.TWELVE_DATA_API_KEY !== undefined;
    case 'marketdata':
      return env.MARKET_DATA_API_KEY !== undefined;
    case 'polygon':
      return env.POLYGON_API_KEY !== undefined;
    case 'webhook':
    case 'simulated':
      return true;
  }
}

/**
 * The provider chain: MARKET_DATA_PROVIDER first (unless 'auto'), then MARKET_DATA_PROVIDER_PRIORITY, keeping
 * providers that have credentials. Nothing usable -> ['simulated']. An explicitly named provider without
 * credentials is a validation error (see load-config), never a silent fallback.
 */
export function resolveMarketDataChain(env: EnvironmentVariables): MarketDataProviderName[] {
  if (env.MARKET_DATA_PROVIDER === 'simulated') {
    return ['simulated'];
  }
  const ordered = [
    ...(env.MARKET_DATA_PROVIDER === 'auto' ? [] : [env.MARKET_DATA_PROVIDER]),
    ...(env.MARKET_DATA_PROVIDER_PRIORITY as MarketDataProviderName[]),
  ];
  const chain: MarketDataProviderName[] = [];
  for (const provider of ordered) {
    if (provider !== 'simulated' && !chain.includes(provider) && hasCredentials(env, provider)) {
      chain.push(provider);
    }
  }
  return chain.length > 0 ? chain : ['simulated'];
}

/** Turns the validated environment into the grouped config. Assumes `env` passed validation. */
export function buildAppConfig(env: EnvironmentVariables): AppConfig {
  const production = env.NODE_ENV === 'production';
  const chain = resolveMarketDataChain(env);
  const discord = orNull(env.DISCORD_WEBHOOK_URL);
  const slack = orNull(env.SLACK_WEBHOOK_URL);
  return {
    server: {
      port: env.PORT,
      nodeEnv: env.NODE_ENV,
      appMode: 'PAPER',
      role: env.ROLE,
      logLevel: env.LOG_LEVEL,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      corsOrigins: env.CORS_ORIGINS,
    },
    database: {
      url: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
      poolMax: env.DB_POOL_MAX,
      runMigrations: env.RUN_MIGRATIONS,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL ?? DEFAULT_REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    clock: { start: env.CLOCK_START === undefined ? null : new Date(env.CLOCK_START), speed: env.CLOCK_SPEED },
    webhook: {
      hmacSecret: orNull(env.HMAC_SECRET),
      maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
      requireTimeframe: env.REQUIRE_TIMEFRAME,
      dedupWindowSeconds: env.SIGNAL_DEDUP_WINDOW_SECONDS,
      ipAllowlist: parseIpAllowlist(env.TRADINGVIEW_IP_ALLOWLIST),
      rateLimitPerMinute: env.WEBHOOK_RATE_LIMIT_PER_MINUTE,
      enqueueTimeoutMs: env.WEBHOOK_ENQUEUE_TIMEOUT_MS,
      rawPayloadMaxBytes: env.WEBHOOK_RAW_PAYLOAD_MAX_BYTES,
    },
    auth: {
      jwtSecret: orNull(env.JWT_SECRET),
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      passwordHashCost: env.PASSWORD_HASH_COST,
      adminUsername: orNull(env.ADMIN_USERNAME),
      adminPassword: orNull(env.ADMIN_PASSWORD),
      cronSecret: orNull(env.CRON_SECRET),
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
      apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    },
    bullBoard: { username: orNull(env.BULL_BOARD_USERNAME), password: orNull(env.BULL_BOARD_PASSWORD) },
    outbox: {
      sweepIntervalMs: env.OUTBOX_SWEEP_INTERVAL_MS,
      graceSeconds: env.OUTBOX_GRACE_SECONDS,
      batchSize: env.OUTBOX_BATCH_SIZE,
    },
    e2eTestMode: env.E2E_TEST_MODE,
    marketData: {
      provider: env.MARKET_DATA_PROVIDER,
      priority: env.MARKET_DATA_PROVIDER_PRIORITY as MarketDataProviderName[],
      chain,
      simulated: chain.length === 1 && chain[0] === 'simulated',
      timeoutMs: env.MARKET_DATA_TIMEOUT_MS,
      quoteTtlMs: env.MARKET_DATA_QUOTE_TTL_MS,
      chainTtlMs: env.MARKET_DATA_CHAIN_TTL_MS,
      simSeed: env.SIM_SEED,
      gammaMetricsSymbols: env.GAMMA_METRICS_SYMBOLS,
      alpaca: {
        apiKey: orNull(env.ALPACA_API_KEY),
        secretKey: orNull(env.ALPACA_SECRET_KEY),
        paper: env.ALPACA_PAPER,
        baseUrl: env.ALPACA_BASE_URL,
        dataUrl: env.ALPACA_DATA_URL,
        stockFeed: env.ALPACA_STOCK_FEED,
        optionsFeed: env.ALPACA_OPTIONS_FEED,
      },
      twelveData: { apiKey: orNull(env.TWELVE_DATA_API_KEY), baseUrl: env.TWELVE_DATA_BASE_URL },
      marketDataApp: { apiKey: orNull(env.MARKET_DATA_API_KEY), baseUrl: env.MARKET_DATA_APP_BASE_URL },
      riskFreeRate: env.RISK_FREE_RATE,
      polygon: { apiKey: orNull(env.POLYGON_API_KEY) },
      unusualWhales: {
        apiKey: orNull(env.UNUSUAL_WHALES_API_KEY),
        optionsEnabled: env.UNUSUAL_WHALES_OPTIONS_ENABLED,
      },
    },
    account: { paperEquity: env.PAPER_ACCOUNT_EQUITY },
    calendar: { extraClosures: env.MARKET_EXTRA_CLOSURES },
    strikes: {
      mode: env.STRIKE_SELECTION_MODE,
      maxSpreadPct: env.STRIKE_MAX_SPREAD_PCT,
      minOpenInterest: env.STRIKE_MIN_OPEN_INTEREST,
      minVolume: env.STRIKE_MIN_VOLUME,
    },
    workers: {
      signalProcessorIntervalMs: env.SIGNAL_PROCESSOR_INTERVAL,
      orderCreatorIntervalMs: env.ORDER_CREATOR_INTERVAL,
      paperExecutorIntervalMs: env.PAPER_EXECUTOR_INTERVAL,
      paperExecutorBatchSize: env.PAPER_EXECUTOR_BATCH_SIZE,
      positionRefresherIntervalMs: env.POSITION_REFRESHER_INTERVAL,
      exitMonitorIntervalMs: env.EXIT_MONITOR_INTERVAL,
      orchestratorIntervalMs: env.ORCHESTRATOR_INTERVAL_MS,
      orchestratorBatchSize: env.ORCHESTRATOR_BATCH_SIZE,
      orchestratorConcurrency: env.ORCHESTRATOR_CONCURRENCY,
      queues: env.WORKER_QUEUES,
      orchestratorSignalTimeoutMs: env.ORCHESTRATOR_SIGNAL_TIMEOUT_MS,
      orchestratorRetryDelayMs: env.ORCHESTRATOR_RETRY_DELAY_MS,
      orchestratorMaxAttempts: env.ORCHESTRATOR_MAX_ATTEMPTS,
    },
    risk: {
      maxPositionSize: env.MAX_POSITION_SIZE,
      maxDailyLoss: env.MAX_DAILY_LOSS,
      maxOpenPositions: env.MAX_OPEN_POSITIONS,
      maxPositionsPerSymbol: env.MAX_POSITIONS_PER_SYMBOL,
      maxTotalExposure: env.MAX_TOTAL_EXPOSURE,
      maxExposurePercent: env.MAX_EXPOSURE_PERCENT,
      allowPremarket: env.ALLOW_PREMARKET,
      allowAfterhours: env.ALLOW_AFTERHOURS,
      decisionOnlyWhenMarketClosed: env.DECISION_ONLY_WHEN_MARKET_CLOSED,
      queueSignalsWhenMarketClosed: env.QUEUE_SIGNALS_WHEN_MARKET_CLOSED,
      marketCloseGraceMinutes: env.MARKET_CLOSE_GRACE_MINUTES,
      signalMaxAgeMinutes: env.SIGNAL_MAX_AGE_MINUTES,
      maxDailyTrades: env.MAX_DAILY_TRADES,
      cooldownMinutes: env.RISK_COOLDOWN_MINUTES,
      defaultSignalConfidence: env.DEFAULT_SIGNAL_CONFIDENCE,
      positionReplacementEnabled: env.POSITION_REPLACEMENT_ENABLED,
      minConfidenceForReplacement: env.MIN_CONFIDENCE_FOR_REPLACEMENT,
      autoCloseNearTarget: env.AUTO_CLOSE_NEAR_TARGET,
      closeAgedPositions: env.CLOSE_AGED_POSITIONS,
      minHoldMinutesForCapacityClose: env.MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE,
    },
    exits: {
      profitTargetPct: env.PROFIT_TARGET_PCT,
      stopLossPct: env.STOP_LOSS_PCT,
      timeStopDte: env.TIME_STOP_DTE,
      maxHoldDays: env.MAX_HOLD_DAYS,
      maxHoldTimeHours: env.MAX_HOLD_TIME_HOURS,
      enableExitDecisionEngine: env.ENABLE_EXIT_DECISION_ENGINE,
      enableExitIntelligence: env.ENABLE_EXIT_INTELLIGENCE,
      trailingStopPct: env.TRAILING_STOP_PCT,
      trailingStopActivationPct: env.TRAILING_STOP_ACTIVATION_PCT,
    },
    fills: {
      model: env.FILL_MODEL as FillModelSetting,
      slippageBps: env.FILL_SLIPPAGE_BPS,
      commissionPerContract: env.COMMISSION_PER_CONTRACT,
      feesPerContract: env.FEES_PER_CONTRACT,
      maxQuoteAgeMs: env.MAX_QUOTE_AGE_MS,
    },
    tuning: { enabled: env.ADAPTIVE_TUNING_ENABLED, minSamples: env.ADAPTIVE_TUNING_MIN_SAMPLES },
    features: {
      enableOrchestrator: env.ENABLE_ORCHESTRATOR,
      enableVariantB: env.ENABLE_VARIANT_B,
      enableOrbSpecialist: env.ENABLE_ORB_SPECIALIST,
      enableStratSpecialist: env.ENABLE_STRAT_SPECIALIST,
      enableTtmSpecialist: env.ENABLE_TTM_SPECIALIST,
      enableSatylandSubagent: env.ENABLE_SATYLAND_SUBAGENT,
      enableShadowExecution: env.ENABLE_SHADOW_EXECUTION,
      enableDualPaperTrading: env.ENABLE_DUAL_PAPER_TRADING,
    },
    experiment: {
      abSplitPercentage: env.AB_SPLIT_PERCENTAGE,
      executionMode: env.EXECUTION_MODE,
      splitCapitalAPercent: env.SPLIT_CAPITAL_A_PERCENT,
    },
    mtfBias: {
      pipelineEnabled: env.ENABLE_MTF_BIAS_PIPELINE,
      requireForEntry: !env.E2E_TEST_MODE && (env.REQUIRE_MTF_BIAS_FOR_ENTRY ?? production),
      portfolioGuard: !env.E2E_TEST_MODE && (env.ENABLE_PORTFOLIO_GUARD ?? production),
      debugMode: env.BIAS_CONTROL_DEBUG_MODE,
    },
    confluence: {
      minThreshold: env.CONFLUENCE_MIN_THRESHOLD,
      gateEnabled: env.ENABLE_CONFLUENCE_GATE,
      sizingEnabled: env.ENABLE_CONFLUENCE_SIZING,
      basePositionSize: env.BASE_POSITION_SIZE,
    },
    dealer: {
      uwGammaEnabled: env.ENABLE_DEALER_UW_GAMMA,
      gexEnabled: env.ENABLE_DEALER_GEX,
      strategyWeight: env.DEALER_STRATEGY_WEIGHT,
      uwNeutralThreshold: env.DEALER_UW_NEUTRAL_THRESHOLD,
    },
    cron: { enabled: env.ENABLE_CRON_PROCESSING, batchSize: env.CRON_BATCH_SIZE },
    monitoring: {
      sentryDsn: orNull(env.SENTRY_DSN),
      processingQueueDepthAlert: env.PROCESSING_QUEUE_DEPTH_ALERT,
    },
    alerts: {
      enabled: env.ALERTS_ENABLED && (discord !== null || slack !== null),
      discordWebhookUrl: discord,
      slackWebhookUrl: slack,
      maxAttempts: env.ALERT_MAX_ATTEMPTS,
      backoffMs: env.ALERT_BACKOFF_MS,
      queueDepthAlert: env.PROCESSING_QUEUE_DEPTH_ALERT,
    },
  };
}
