import type { AppConfig } from '../config';
import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../core/risk';
import type { RiskLimitsRow } from './risk-state.repository';

/**
 * The limits the gates apply: the environment's, and where the enabled `risk_limits` row holds a column too
 * (max position size, max total exposure, max exposure %, max positions per symbol), the stricter of the two, so
 * neither a stale row nor a forgotten variable can loosen a limit.
 */
export function resolveRiskLimits(
  config: AppConfig,
  row: RiskLimitsRow | null,
  flags: { confluenceGate: boolean; requireMtfBias: boolean },
): RiskLimits {
  const risk = config.risk;
  const stricter = (env: number, db: number | string | undefined): number =>
    db === undefined || db === null ? env : Math.min(env, Number(db));
  return {
    ...DEFAULT_RISK_LIMITS,
    maxOpenPositions: risk.maxOpenPositions,
    maxPositionsPerSymbol: stricter(risk.maxPositionsPerSymbol, row?.max_positions_per_symbol),
    maxPositionSize: stricter(risk.maxPositionSize, row?.max_position_size),
    maxTotalExposure: stricter(risk.maxTotalExposure, row?.max_total_exposure),
    maxExposurePercent: stricter(risk.maxExposurePercent, row?.max_exposure_percent),
    maxDailyLoss: risk.maxDailyLoss,
    maxDailyTrades: risk.maxDailyTrades,
    cooldownMinutes: risk.cooldownMinutes,
    confluenceGateEnabled: flags.confluenceGate,
    confluenceMinThreshold: config.confluence.minThreshold,
    requireMtfBias: flags.requireMtfBias && !config.e2eTestMode,
    signalMaxAgeMinutes: risk.signalMaxAgeMinutes,
  };
}
