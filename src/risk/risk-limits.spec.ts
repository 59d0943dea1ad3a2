import { loadConfig } from '../config';
import { resolveRiskLimits } from './risk-limits';

describe('resolveRiskLimits', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    MAX_POSITIONS_PER_SYMBOL: '4',
    MAX_TOTAL_EXPOSURE: '8000',
    MAX_EXPOSURE_PERCENT: '15',
    MAX_POSITION_SIZE: '12',
    RISK_COOLDOWN_MINUTES: '0',
  });
  const flags = { confluenceGate: true, requireMtfBias: false };

  it('takes the environment when no risk_limits row is enabled', () => {
    expect(resolveRiskLimits(config, null, flags)).toMatchObject({
      maxPositionsPerSymbol: 4,
      maxTotalExposure: 8000,
      maxExposurePercent: 15,
      maxPositionSize: 12,
      cooldownMinutes: 0,
      confluenceGateEnabled: true,
      requireMtfBias: false,
    });
  });

  it('takes the stricter of the environment and the row, column by column', () => {
    const limits = resolveRiskLimits(
      config,
      {
        max_position_size: 10,
        max_total_exposure: '10000.00',
        max_exposure_percent: '20.00',
        max_positions_per_symbol: 2,
      },
      flags,
    );
    expect(limits).toMatchObject({
      maxPositionSize: 10,
      maxTotalExposure: 8000,
      maxExposurePercent: 15,
      maxPositionsPerSymbol: 2,
    });
  });

  it('never requires MTF bias in E2E test mode', () => {
    const e2e = loadConfig({ NODE_ENV: 'test', E2E_TEST_MODE: 'true' });
    expect(resolveRiskLimits(e2e, null, { confluenceGate: false, requireMtfBias: true }).requireMtfBias).toBe(false);
  });
});
