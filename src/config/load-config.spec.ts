import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ConfigValidationError } from './config-validation.error';
import { TRADINGVIEW_WEBHOOK_IPS } from './env.schema';
import { environmentVariableNames, loadConfig, readEnvironment, redactUrlPassword } from './load-config';
import { describeUnsafeSettings } from './unsafe-settings';

const REPO_ROOT = join(__dirname, '..', '..');
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app:pw@db.internal:5432/options',
  REDIS_URL: 'redis://cache.internal:6379',
  JWT_SECRET: 'x'.repeat(32),
};

function validationError(env: Record<string, string>): ConfigValidationError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('loadConfig', () => {
  describe('defaults', () => {
    const config = loadConfig({});

    it('matches the spec configuration matrix', () => {
      expect(config.server.port).toBe(8080);
      expect(config.server.nodeEnv).toBe('development');
      expect(config.server.appMode).toBe('PAPER');
      expect(config.server.logLevel).toBe('info');
      expect(config.database.poolMax).toBe(20);
      expect(config.webhook.hmacSecret).toBeNull();
      expect(config.marketData.alpaca.paper).toBe(true);
      expect(config.marketData.alpaca.baseUrl).toBe('https://paper-api.alpaca.markets');
      expect(config.marketData.unusualWhales.optionsEnabled).toBe(true);
      expect(config.marketData.gammaMetricsSymbols).toEqual(['SPY', 'QQQ', 'IWM']);
      expect(config.workers).toMatchObject({
        signalProcessorIntervalMs: 30000,
        orderCreatorIntervalMs: 30000,
        paperExecutorIntervalMs: 10000,
        paperExecutorBatchSize: 10,
        positionRefresherIntervalMs: 60000,
        exitMonitorIntervalMs: 60000,
        orchestratorIntervalMs: 30000,
        orchestratorBatchSize: 20,
        orchestratorConcurrency: 5,
        orchestratorSignalTimeoutMs: 30000,
        orchestratorRetryDelayMs: 60000,
      });
      expect(config.risk).toMatchObject({
        maxPositionSize: 10,
        maxDailyLoss: 1000,
        maxOpenPositions: 5,
        maxExposurePercent: 20,
        allowPremarket: false,
        allowAfterhours: false,
        decisionOnlyWhenMarketClosed: true,
        marketCloseGraceMinutes: 10,
        signalMaxAgeMinutes: 30,
        maxDailyTrades: 0,
        positionReplacementEnabled: false,
        minConfidenceForReplacement: 70,
        autoCloseNearTarget: false,
        closeAgedPositions: false,
        minHoldMinutesForCapacityClose: 15,
        maxPositionsPerSymbol: 3,
        maxTotalExposure: 10000,
      });
      expect(config.exits).toMatchObject({
        profitTargetPct: 50,
        stopLossPct: 50,
        timeStopDte: 1,
        maxHoldDays: 5,
        maxHoldTimeHours: 120,
        enableExitDecisionEngine: true,
        enableExitIntelligence: true,
      });
      expect(config.features).toEqual({
        enableOrchestrator: true,
        enableVariantB: false,
        enableOrbSpecialist: false,
        enableStratSpecialist: false,
        enableTtmSpecialist: false,
        enableSatylandSubagent: false,
        enableShadowExecution: false,
        enableDualPaperTrading: false,
      });
      expect(config.experiment.abSplitPercentage).toBe(0);
      expect(config.mtfBias.pipelineEnabled).toBe(true);
      expect(config.mtfBias.debugMode).toBe(false);
      expect(config.confluence).toEqual({
        minThreshold: 50,
        gateEnabled: true,
        sizingEnabled: true,
        basePositionSize: 1,
      });
      expect(config.dealer).toEqual({
        uwGammaEnabled: false,
        gexEnabled: true,
        strategyWeight: 0.25,
        uwNeutralThreshold: 100000000,
      });
      expect(config.cron).toEqual({ enabled: true, batchSize: 20 });
      expect(config.auth.cronSecret).toBeNull();
      expect(config.monitoring.sentryDsn).toBeNull();
      expect(config.e2eTestMode).toBe(false);
      expect(config.alerts).toMatchObject({ enabled: false, discordWebhookUrl: null, slackWebhookUrl: null });
    });

    it('gives the platform defaults: local servers, safe webhook limits, outbox timing', () => {
      expect(config.server).toEqual({
        port: 8080,
        nodeEnv: 'development',
        appMode: 'PAPER',
        role: 'all',
        logLevel: 'info',
        trustProxy: false,
        shutdownTimeoutMs: 10000,
        corsOrigins: [],
      });
      expect(config.database).toEqual({
        url: 'postgres://postgres@127.0.0.1:5432/options_platform',
        poolMax: 20,
        runMigrations: true,
        connectTimeoutMs: 1000,
      });
      expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', queuePrefix: 'bull' });
      expect(config.clock).toEqual({ start: null, speed: 1 });
      expect(config.webhook).toEqual({
        hmacSecret: null,
        maxBodyBytes: 131072,
        requireTimeframe: false,
        dedupWindowSeconds: 60,
        ipAllowlist: [],
        rateLimitPerMinute: 0,
        enqueueTimeoutMs: 250,
        rawPayloadMaxBytes: 32768,
      });
      expect(config.bullBoard).toEqual({ username: null, password: null });
      expect(config.outbox).toEqual({ sweepIntervalMs: 10000, graceSeconds: 30, batchSize: 500 });
      expect(config.marketData.simSeed).toBe(42);
      expect(config.account.paperEquity).toBe(100000);
      expect(config.experiment).toEqual({ abSplitPercentage: 0, executionMode: 'auto', splitCapitalAPercent: 50 });
      expect(config.monitoring.processingQueueDepthAlert).toBe(100);
    });

    it('treats empty values as unset', () => {
      expect(loadConfig({ PORT: '', DB_POOL_MAX: '  ', HMAC_SECRET: '' })).toEqual(config);
    });

    it('requires MTF bias and the portfolio guard by default in production only', () => {
      expect(config.mtfBias.requireForEntry).toBe(false);
      expect(config.mtfBias.portfolioGuard).toBe(false);
      const production = loadConfig(PRODUCTION);
      expect(production.mtfBias.requireForEntry).toBe(true);
      expect(production.mtfBias.portfolioGuard).toBe(true);
    });

    it('E2E_TEST_MODE turns off the MTF bias requirement and the portfolio guard', () => {
      const e2e = loadConfig({ ...PRODUCTION, E2E_TEST_MODE: 'true', REQUIRE_MTF_BIAS_FOR_ENTRY: 'true' });
      expect(e2e.e2eTestMode).toBe(true);
      expect(e2e.mtfBias.requireForEntry).toBe(false);
      expect(e2e.mtfBias.portfolioGuard).toBe(false);
    });
  });

  describe('parsing', () => {
    it('parses booleans from true/false, 1/0, yes/no in any case', () => {
      const config = loadConfig({
        ALLOW_PREMARKET: 'TRUE',
        ALLOW_AFTERHOURS: '1',
        RUN_MIGRATIONS: '0',
        ENABLE_DEALER_GEX: 'no',
        ENABLE_VARIANT_B: 'yes',
        REQUIRE_TIMEFRAME: 'true',
      });
      expect(config.risk.allowPremarket).toBe(true);
      expect(config.risk.allowAfterhours).toBe(true);
      expect(config.database.runMigrations).toBe(false);
      expect(config.dealer.gexEnabled).toBe(false);
      expect(config.features.enableVariantB).toBe(true);
      expect(config.webhook.requireTimeframe).toBe(true);
    });

    it('parses integers, decimals and exponents, trimming spaces', () => {
      const config = loadConfig({
        PORT: ' 3000 ',
        DEALER_STRATEGY_WEIGHT: '0.4',
        DEALER_UW_NEUTRAL_THRESHOLD: '2e8',
        CLOCK_SPEED: '60',
      });
      expect(config.server.port).toBe(3000);
      expect(config.dealer.strategyWeight).toBe(0.4);
      expect(config.dealer.uwNeutralThreshold).toBe(200000000);
      expect(config.clock.speed).toBe(60);
    });

    it('parses comma lists, dropping blanks and upper-casing symbols', () => {
      const config = loadConfig({
        GAMMA_METRICS_SYMBOLS: ' spy, qqq ,,spx ',
        MARKET_DATA_PROVIDER_PRIORITY: 'polygon, alpaca',
        CORS_ORIGINS: 'https://app.example.com,http://localhost:3000',
      });
      expect(config.marketData.gammaMetricsSymbols).toEqual(['SPY', 'QQQ', 'SPX']);
      expect(config.marketData.priority).toEqual(['polygon', 'alpaca']);
      expect(config.server.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    });

    it('parses CLOCK_START as an instant', () => {
      const config = loadConfig({ CLOCK_START: '2026-02-20T09:30:00-05:00' });
      expect(config.clock.start?.toISOString()).toBe('2026-02-20T14:30:00.000Z');
    });

    it('TRADINGVIEW_IP_ALLOWLIST=true yields the four TradingView addresses', () => {
      expect(loadConfig({ TRADINGVIEW_IP_ALLOWLIST: 'true' }).webhook.ipAllowlist).toEqual([
        '52.89.214.238',
        '34.212.75.30',
        '54.218.53.128',
        '52.32.178.7',
      ]);
      expect(TRADINGVIEW_WEBHOOK_IPS).toHaveLength(4);
      expect(loadConfig({ TRADINGVIEW_IP_ALLOWLIST: 'false' }).webhook.ipAllowlist).toEqual([]);
      expect(loadConfig({ TRADINGVIEW_IP_ALLOWLIST: '10.0.0.1, 192.168.0.0/16' }).webhook.ipAllowlist).toEqual([
        '10.0.0.1',
        '192.168.0.0/16',
      ]);
    });

    it.each([
      ['false', false],
      ['true', true],
      ['2', 2],
      ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ])('parses TRUST_PROXY=%s', (value, expected) => {
      expect(loadConfig({ TRUST_PROXY: value }).server.trustProxy).toEqual(expected);
    });

    it('accepts execution modes in any case', () => {
      expect(loadConfig({ EXECUTION_MODE: 'split_capital' }).experiment.executionMode).toBe('SPLIT_CAPITAL');
      expect(loadConfig({ EXECUTION_MODE: 'AUTO' }).experiment.executionMode).toBe('auto');
    });

    it('enables Bull Board credentials and alerts only when configured', () => {
      const config = loadConfig({
        BULL_BOARD_USERNAME: 'ops',
        BULL_BOARD_PASSWORD: 'board-password',
        ALERTS_ENABLED: 'true',
        SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
      });
      expect(config.bullBoard).toEqual({ username: 'ops', password: 'board-password' });
      expect(config.alerts.enabled).toBe(true);
      expect(loadConfig({ ALERTS_ENABLED: 'true' }).alerts.enabled).toBe(false);
    });
  });

  describe('market data provider chain', () => {
    it('runs simulated when no provider has credentials', () => {
      const config = loadConfig({});
      expect(config.marketData.chain).toEqual(['simulated']);
      expect(config.marketData.simulated).toBe(true);
    });

    it('uses the providers with credentials, in priority order', () => {
      const config = loadConfig({ ALPACA_API_KEY: 'id', ALPACA_SECRET_KEY: 'secret', POLYGON_API_KEY: 'poly' });
      expect(config.marketData.chain).toEqual(['alpaca', 'polygon']);
      expect(config.marketData.simulated).toBe(false);
    });

    it('puts an explicit provider first', () => {
      const config = loadConfig({
        MARKET_DATA_PROVIDER: 'polygon',
        ALPACA_API_KEY: 'id',
        ALPACA_SECRET_KEY: 'secret',
        POLYGON_API_KEY: 'poly',
      });
      expect(config.marketData.chain).toEqual(['polygon', 'alpaca']);
    });

    it('rejects an explicit provider without its keys instead of falling back to simulated', () => {
      const error = validationError({ MARKET_DATA_PROVIDER: 'alpaca', ALPACA_API_KEY: 'id' });
      expect(error.message).toContain('MARKET_DATA_PROVIDER: needs ALPACA_SECRET_KEY');
    });
  });

  describe('validation errors', () => {
    it('names every bad variable with its constraint in one message', () => {
      const error = validationError({
        PORT: 'abc',
        DB_POOL_MAX: '0',
        NODE_ENV: 'staging',
        LOG_LEVEL: 'verbose',
        ALLOW_PREMARKET: 'maybe',
        MAX_EXPOSURE_PERCENT: '120',
        CLOCK_SPEED: '0',
        CLOCK_START: '2026-02-20 09:30',
        REDIS_URL: 'http://localhost:6379',
        TRADINGVIEW_IP_ALLOWLIST: 'tradingview',
        EXECUTION_MODE: 'ENGINE_C_PRIMARY',
        GAMMA_METRICS_SYMBOLS: 'SPY,$$$',
      });
      const [header, ...lines] = error.message.split('\n');
      expect(header).toBe('Invalid configuration:');
      expect(lines.sort()).toEqual(
        [
          "  - PORT: must be an integer between 1 and 65535 (got 'abc')",
          "  - NODE_ENV: must be one of development, production, test (got 'staging')",
          "  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got 'verbose')",
          "  - DB_POOL_MAX: must be an integer between 1 and 1000 (got '0')",
          "  - REDIS_URL: must be a valid redis or rediss URL (got 'http://localhost:6379')",
          "  - CLOCK_START: must be an ISO-8601 instant with a zone, e.g. 2026-02-20T14:30:00Z (got '2026-02-20 09:30')",
          "  - CLOCK_SPEED: must be a number greater than 0 and at most 10000 (got '0')",
          "  - TRADINGVIEW_IP_ALLOWLIST: must be 'true' (TradingView's addresses), 'false' (off) or a comma list of IP addresses/CIDRs (got 'tradingview')",
          "  - GAMMA_METRICS_SYMBOLS: must be a comma list of ticker symbols (e.g. SPY,QQQ,IWM) (got 'SPY,$$$')",
          "  - MAX_EXPOSURE_PERCENT: must be a number between 0 and 100 (got '120')",
          "  - EXECUTION_MODE: must be one of auto, ENGINE_A_PRIMARY, ENGINE_B_PRIMARY, SHADOW_ONLY, SPLIT_CAPITAL (got 'ENGINE_C_PRIMARY')",
          "  - ALLOW_PREMARKET: must be true or false (also 1/0, yes/no) (got 'maybe')",
        ].sort(),
      );
      expect(error.issues.map((issue) => issue.variable)).toHaveLength(12);
    });

    it('never echoes secret values', () => {
      const error = validationError({
        JWT_SECRET: 'hunter2-short',
        DATABASE_URL: 'mysql://app:db-password-123@db/options',
        REDIS_URL: 'redis://:redis-password-456@cache:notaport',
        ADMIN_PASSWORD: 'admin-password-789',
        DISCORD_WEBHOOK_URL: 'discord-token-abc',
        SENTRY_DSN: 'not a dsn sentry-key-def',
        MARKET_DATA_PROVIDER: 'alpaca',
        ALPACA_API_KEY: 'alpaca-key-ghi',
      });
      for (const secret of [
        'hunter2',
        'db-password-123',
        'redis-password-456',
        'admin-password-789',
        'discord-token-abc',
        'sentry-key-def',
        'alpaca-key-ghi',
      ]) {
        expect(error.message).not.toContain(secret);
      }
      expect(error.message).toContain('  - JWT_SECRET: must be at least 32 characters\n');
      expect(error.message).toContain("(got 'mysql://app:***@db/options')");
      expect(error.message).toContain('ADMIN_USERNAME: must be set together with ADMIN_PASSWORD');
    });

    it('redacts URL passwords even in URLs that do not parse', () => {
      expect(redactUrlPassword('postgres://u:p@ss:w0rd@host:bad/db')).toBe('postgres://u:***@host:bad/db');
      expect(redactUrlPassword('postgres://user@host/db')).toBe('postgres://user@host/db');
      const error = validationError({ DATABASE_URL: 'app:schemeless-password@db/options' });
      expect(error.message).toBe(
        'Invalid configuration:\n  - DATABASE_URL: must be a valid postgres or postgresql URL',
      );
    });

    it('requires DATABASE_URL, REDIS_URL and JWT_SECRET in production', () => {
      const error = validationError({ NODE_ENV: 'production' });
      expect(error.issues.map((issue) => issue.variable)).toEqual(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']);
      expect(error.message).toContain('DATABASE_URL: is required when NODE_ENV=production');
      expect(error.message).toContain('REDIS_URL: is required when NODE_ENV=production');
      expect(error.message).toContain('JWT_SECRET: is required when NODE_ENV=production');
      const config = loadConfig(PRODUCTION);
      expect(config.database.url).toBe(PRODUCTION.DATABASE_URL);
      expect(config.redis.url).toBe(PRODUCTION.REDIS_URL);
      expect(config.auth.jwtSecret).toBe(PRODUCTION.JWT_SECRET);
    });

    it('refuses APP_MODE=LIVE: paper only', () => {
      const error = validationError({ APP_MODE: 'LIVE' });
      expect(error.message).toContain('APP_MODE: LIVE is refused: this platform is paper only');
      expect(loadConfig({ APP_MODE: 'paper' }).server.appMode).toBe('PAPER');
    });
  });
});

describe('.env.example', () => {
  const example = parseDotenv(readFileSync(join(REPO_ROOT, '.env.example')));

  it('parses to a valid config equal to the built-in defaults', () => {
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });

  it('lists exactly the variables the schema knows, and docs/configuration.md documents each', () => {
    expect(Object.keys(example).sort()).toEqual(environmentVariableNames().sort());
    const docs = readFileSync(join(REPO_ROOT, 'docs', 'configuration.md'), 'utf8');
    const undocumented = environmentVariableNames().filter((name) => !new RegExp(`\\| \`${name}\` +\\|`).test(docs));
    expect(undocumented).toEqual([]);
  });

  it('keeps every secret empty', () => {
    for (const name of ['HMAC_SECRET', 'JWT_SECRET', 'ADMIN_PASSWORD', 'BULL_BOARD_PASSWORD', 'CRON_SECRET']) {
      expect(example[name]).toBe('');
    }
  });
});

describe('readEnvironment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-spec-'));
  writeFileSync(join(dir, '.env'), 'PORT=9000\nLOG_LEVEL=debug\n');
  writeFileSync(join(dir, 'other.env'), 'PORT=9100\n');

  it('reads .env under the real environment, which wins', () => {
    const env = readEnvironment({ LOG_LEVEL: 'warn' }, dir);
    expect(env.PORT).toBe('9000');
    expect(env.LOG_LEVEL).toBe('warn');
  });

  it('reads the file named by ENV_FILE instead', () => {
    expect(readEnvironment({ ENV_FILE: 'other.env' }, dir).PORT).toBe('9100');
  });

  it('fails when ENV_FILE names a missing file, and is fine without any .env', () => {
    expect(() => readEnvironment({ ENV_FILE: 'missing.env' }, dir)).toThrow(/ENV_FILE: file not found/);
    expect(readEnvironment({ PORT: '1' }, join(dir, 'nowhere'))).toEqual({ PORT: '1' });
  });
});

describe('describeUnsafeSettings', () => {
  it('warns about unauthenticated webhooks and simulated market data on defaults', () => {
    const warnings = describeUnsafeSettings(loadConfig({}));
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('HMAC_SECRET is empty'), expect.stringContaining('SIMULATED')]),
    );
  });

  it('warns about the demo clock and E2E test mode', () => {
    const warnings = describeUnsafeSettings(
      loadConfig({ ...PRODUCTION, CLOCK_START: '2026-02-20T14:30:00Z', CLOCK_SPEED: '10', E2E_TEST_MODE: 'true' }),
    );
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('CLOCK_START=2026-02-20T14:30:00.000Z'),
        expect.stringContaining('E2E_TEST_MODE=true'),
      ]),
    );
    expect(warnings.join('\n')).toContain('in production this removes safety gates');
  });

  it('is quiet for a fully configured production setup', () => {
    const warnings = describeUnsafeSettings(
      loadConfig({
        ...PRODUCTION,
        HMAC_SECRET: 'webhook-secret',
        ALPACA_API_KEY: 'id',
        ALPACA_SECRET_KEY: 'secret',
      }),
    );
    expect(warnings).toEqual([]);
  });
});
