/**
 * Every code a risk gate returns. Stored on signals and decisions: never rename one. Spec section 8 codes are used
 * where the spec has one (marked "spec"); the others are ours.
 */
export const RISK_CODES = {
  /** A plain pass. */
  ok: 'ok',
  /** An entry-only gate not applied to an exit or cancel signal. */
  notApplicable: 'not_applicable',
  /** The kill switch flag is on: no new entries. */
  killSwitchActive: 'kill_switch_active',
  /** spec: market closed (or pre/after-hours not allowed) and the signal still fresh. */
  marketClosed: 'market_closed',
  /** spec: market closed and the signal older than SIGNAL_MAX_AGE_MINUTES. */
  signalStale: 'signal_stale',
  /** spec: open positions + pending entry orders >= MAX_OPEN_POSITIONS. */
  maxOpenPositions: 'max_open_positions_exceeded',
  /** spec: the symbol's open positions + pending entry orders >= max_positions_per_symbol. */
  maxPositionsPerSymbol: 'max_positions_per_symbol_exceeded',
  /** A passing 'reduce' verdict: the proposed quantity is capped at MAX_POSITION_SIZE. */
  maxPositionSize: 'max_position_size',
  /** The proposed quantity is not a positive integer. */
  invalidPositionSize: 'invalid_position_size',
  /** spec (RiskAgent): total exposure over max_total_exposure or over MAX_EXPOSURE_PERCENT of equity. */
  exposureExceeded: 'exposure_exceeded',
  /** Realized + unrealized loss since the session open reached MAX_DAILY_LOSS. */
  dailyLossLimit: 'daily_loss_limit',
  /** Fills today reached MAX_DAILY_TRADES. */
  dailyTradeLimit: 'daily_trade_limit',
  /** A fill on the symbol less than the cooldown ago. */
  cooldownActive: 'cooldown_active',
  /** Same symbol + direction + engine already has a non-closed position. */
  duplicatePosition: 'duplicate_position',
  /** Same symbol + direction + engine already has a pending entry order. */
  duplicateOrder: 'duplicate_order',
  /** spec: confluence score below CONFLUENCE_MIN_THRESHOLD. */
  confluenceBelowThreshold: 'confluence_below_threshold',
  /** The confluence gate is on but no confluence result was computed (fails closed). */
  confluenceUnavailable: 'confluence_unavailable',
  /** REQUIRE_MTF_BIAS_FOR_ENTRY and the bias gate holds (no state, suppressed, stale, opposed); detail names why. */
  mtfBiasBlocked: 'mtf_bias_blocked',
} as const;

export type RiskCode = (typeof RISK_CODES)[keyof typeof RISK_CODES];
