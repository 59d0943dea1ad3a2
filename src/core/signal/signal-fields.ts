/** Where each part of a signal may be found, highest priority first. Paths match any spelling (see payload-fields.ts). */

export const SYMBOL_FIELDS = [
  'symbol',
  'ticker',
  'meta.ticker',
  'instrument',
  'underlying',
  'tickerid',
  'syminfo.ticker',
  'tv_instrument',
  'asset',
  'pair',
  'stock',
] as const;

export const EXCHANGE_FIELDS = ['exchange', 'meta.exchange', 'tv_exchange', 'syminfo.exchange'] as const;

/** Verbs: what to do. Comments come last; they only count when their whole text is a trading word. */
export const ACTION_FIELDS = [
  'action',
  'order_action',
  'strategy.order.action',
  'order.action',
  'strategy.action',
  'signal',
  'signal.type',
  'signal.action',
  'side',
  'command',
  'order',
  'type',
  'order_type',
  'event',
  'event_type',
  'strategy.order.comment',
  'order_comment',
  'comment',
] as const;

/** Directional opinions: which side. */
export const DIRECTION_FIELDS = [
  'direction',
  'signal.direction',
  'trend',
  'bias',
  'regime_context.local_bias',
  'execution_guidance.bias',
  'market.market_bias',
  'market_bias',
] as const;

/** The strategy's position after the order (TradingView `strategy.market_position`, TradersPost `sentiment`). */
export const POSITION_FIELDS = [
  'sentiment',
  'market_position',
  'strategy.market_position',
  'strategy_info.market_position',
  'position',
] as const;

export const PREV_POSITION_FIELDS = [
  'prev_market_position',
  'strategy.prev_market_position',
  'strategy_info.prev_market_position',
  'prev_position',
] as const;

export const POSITION_SIZE_FIELDS = [
  'position_size',
  'market_position_size',
  'strategy.position_size',
  'strategy.market_position_size',
  'strategy_info.market_position_size',
] as const;

export const TIMEFRAME_FIELDS = [
  'timeframe',
  'tf',
  'interval',
  'trigger_timeframe',
  'meta.timeframe',
  'resolution',
  'period',
] as const;

/** `timenow` (when the alert fired) outranks `time` (when the bar opened). */
export const TIMESTAMP_FIELDS = ['timestamp', 'timenow', 'time', 'bar_time', 'ts'] as const;

export const PRICE_FIELDS = [
  'price',
  'signal_price',
  'trigger_price',
  'order_price',
  'strategy.order.price',
  'entry',
  'entry_price',
  'close',
] as const;

export const QUANTITY_FIELDS = [
  'quantity',
  'qty',
  'contracts',
  'size',
  'order_contracts',
  'strategy.order.contracts',
  'order.amount',
  'amount',
] as const;

export const SCORE_FIELDS = {
  confidence: ['confidence'],
  patternStrength: ['pattern_strength'],
  mtfAlignment: ['mtf_alignment'],
} as const;

export const TEST_FIELDS = {
  isTest: ['is_test', 'metadata.is_test'],
  testSessionId: ['test_session_id', 'metadata.test_session_id'],
  testScenario: ['test_scenario', 'metadata.test_scenario'],
} as const;
