import { AppConfig } from './app-config';

/**
 * Loud boot warnings: settings meant for demos and checks that are in use, and combinations the spec lists as
 * conflicting. They are allowed (DESIGN.md: "allowed and logged loudly at boot"), never silent.
 */
export function describeUnsafeSettings(config: AppConfig): string[] {
  const warnings: string[] = [];
  const production = config.server.nodeEnv === 'production';

  if (config.clock.start !== null) {
    warnings.push(
      `CLOCK_START=${config.clock.start.toISOString()}: the clock is SIMULATED (starts there at boot, speed ` +
        `${config.clock.speed}x); market hours, ages and expiries follow it, not the real time`,
    );
  } else if (config.clock.speed !== 1) {
    warnings.push(`CLOCK_SPEED=${config.clock.speed}: the clock runs ${config.clock.speed}x real time from boot`);
  }
  if (config.e2eTestMode) {
    warnings.push(
      `E2E_TEST_MODE=true: the MTF bias requirement and the portfolio guard are DISABLED` +
        (production ? ' - in production this removes safety gates' : ''),
    );
  }
  if (config.webhook.hmacSecret === null) {
    warnings.push(
      'HMAC_SECRET is empty: webhooks are UNAUTHENTICATED - anyone who can reach POST /webhook can create signals',
    );
  }
  if (config.marketData.simulated) {
    warnings.push(
      config.marketData.provider === 'simulated'
        ? `MARKET_DATA_PROVIDER=simulated: prices, chains and greeks are SIMULATED (seed ${config.marketData.simSeed})`
        : `market data is SIMULATED: no provider credentials are configured (set ALPACA_API_KEY and ` +
            `ALPACA_SECRET_KEY, or another provider's key); prices are synthetic (seed ${config.marketData.simSeed})`,
    );
  }
  if (config.auth.jwtSecret === null) {
    warnings.push(
      'JWT_SECRET is not set (allowed outside production only): a random secret is used, so logins end when this ' +
        'process stops and tokens from another process are refused',
    );
  }
  if (config.webhook.ipAllowlist.length > 0 && config.server.trustProxy === true) {
    warnings.push(
      'TRUST_PROXY=true trusts any X-Forwarded-For: the TradingView IP allowlist can be bypassed; set the hop count ' +
        'or the proxy addresses instead',
    );
  }
  if (config.features.enableVariantB && config.experiment.abSplitPercentage === 0) {
    if (config.experiment.executionMode === 'auto') {
      warnings.push('ENABLE_VARIANT_B=true with AB_SPLIT_PERCENTAGE=0: Engine B never receives a signal');
    }
  } else if (!config.features.enableVariantB && config.experiment.abSplitPercentage > 0) {
    warnings.push(
      `AB_SPLIT_PERCENTAGE=${config.experiment.abSplitPercentage} with ENABLE_VARIANT_B=false: Engine B is off, ` +
        'every signal goes to Engine A',
    );
  }
  if (config.mtfBias.requireForEntry && !config.mtfBias.pipelineEnabled) {
    warnings.push(
      'REQUIRE_MTF_BIAS_FOR_ENTRY=true with ENABLE_MTF_BIAS_PIPELINE=false: no bias state can arrive, every ' +
        'signal will HOLD',
    );
  }
  if (!config.features.enableOrchestrator) {
    warnings.push('ENABLE_ORCHESTRATOR=false is ignored: queues are the only signal path (no legacy processor)');
  }
  return warnings;
}
