/**
 * The performance feedback loop (spec section 11), pure: trade outcomes, rolling statistics, engine and agent
 * comparisons, and the adaptive tuner. Definitions and formulas: docs/performance-feedback.md.
 */
export {
  buildTradeOutcome,
  byCloseOrder,
  CONTRACT_MULTIPLIER,
  durationMinutesBetween,
  exitReasonCodesOf,
  UNKNOWN_GROUP,
} from './trade-outcome';
export type {
  ClosedPositionFacts,
  OutcomeDirection,
  OutcomeEngine,
  OutcomeSource,
  TradeOutcome,
} from './trade-outcome';
export { mean, median, percentileNearestRank, sampleStdev, summarizePnl, tStatistic } from './outcome-stats';
export type { PnlStats } from './outcome-stats';
export {
  analyzePerformance,
  dailyPnl,
  groupBy,
  groupStats,
  maxDrawdownOf,
  sharpeOfDaily,
  TRADING_DAYS_PER_YEAR,
} from './performance-analyzer';
export type {
  AnalyzeOptions,
  DrawdownStats,
  DurationStats,
  GroupStats,
  PerformanceReport,
} from './performance-analyzer';
export { signTestPValue } from './sign-test';
export { compareEngines, OUTCOME_ENGINES, OUTCOME_SOURCES } from './engine-comparison';
export type { EngineComparison, EngineSourceStats, PairedEngineComparison } from './engine-comparison';
export { agentPerformance, biasFor } from './agent-performance';
export type { AgentPerformance, AgentVote, VoteBias } from './agent-performance';
export {
  boundedStep,
  CONFIDENCE_DECIMALS,
  DEFAULT_TUNER_CONFIG,
  HARD_FLOOR_KEY,
  judgeGroup,
  MULTIPLIER_DECIMALS,
  regimeKey,
  SOFT_FLOOR_KEY,
  tune,
  tuningWindow,
  validateTunerConfig,
} from './adaptive-tuner';
export type { Range, TunableParameters, TunerConfig, TuningChange, TuningResult } from './adaptive-tuner';
