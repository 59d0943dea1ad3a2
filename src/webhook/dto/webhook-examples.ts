/** Request body examples shown in Swagger; each one is accepted by the platform as written. */
export const WEBHOOK_JSON_EXAMPLES = {
  spec: {
    summary: 'Platform format',
    value: {
      symbol: 'SPY',
      direction: 'long',
      timeframe: '5m',
      timestamp: 1739612400,
      price: 595.42,
      indicators: { ema8: 595.1, ema21: 594.8, atr: 1.25 },
      confidence: 75,
      secret: 'your-webhook-secret',
    },
  },
  traderspost: {
    summary: 'TradersPost-style entry',
    value: { ticker: 'SPY', action: 'buy', sentiment: 'bullish', quantity: 1, price: 595.42 },
  },
  traderspostExit: {
    summary: 'TradersPost-style exit (sell to flat closes the long)',
    value: { ticker: 'SPY', action: 'sell', sentiment: 'flat' },
  },
  strategy: {
    summary: 'TradingView strategy alert, placeholders filled in',
    value: {
      ticker: 'AMEX:SPY',
      action: 'sell',
      market_position: 'flat',
      prev_market_position: 'long',
      position_size: 0,
      interval: '15',
      time: '2026-02-15T15:30:00Z',
      price: '596.10',
    },
  },
};

export const WEBHOOK_TEXT_EXAMPLES = {
  keyValue: { summary: 'key=value text (text/plain)', value: 'symbol=SPY, action=buy, tf=5, price=595.42' },
  pineConnector: { summary: 'PineConnector-style list (text/plain)', value: '60123456789,closelong,SPY' },
  plain: { summary: 'Plain text (text/plain)', value: 'Long SPY 5m' },
};
