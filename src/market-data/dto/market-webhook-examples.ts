/** Swagger examples of the market data webhooks (also in docs/market-data.md). */
export const PRICE_EXAMPLES = {
  last_only: { summary: 'Last price only', value: { symbol: 'SPY', price: 595.42 } },
  with_quote: {
    summary: 'Last, bid, ask and time',
    value: { symbol: 'SPY', price: 595.42, bid: 595.41, ask: 595.43, timestamp: '2026-02-17T15:30:00Z' },
  },
  unix_seconds: { summary: 'Unix seconds timestamp', value: { symbol: 'QQQ', price: 521.07, timestamp: 1771342200 } },
};

export const CHAIN_EXAMPLES = {
  snapshot: {
    summary: 'Two contracts with greeks',
    value: {
      symbol: 'SPY',
      timestamp: '2026-02-17T15:30:00Z',
      underlying_price: 595.42,
      contracts: [
        {
          option_symbol: 'SPY260220C00596000',
          bid: 3.1,
          ask: 3.14,
          last: 3.12,
          iv: 0.162,
          delta: 0.47,
          gamma: 0.041,
          open_interest: 15230,
          volume: 8412,
        },
        {
          option_symbol: 'SPY260220P00594000',
          bid: 2.88,
          ask: 2.92,
          iv: 0.171,
          delta: -0.43,
          gamma: 0.039,
          open_interest: 18004,
          volume: 9120,
        },
      ],
    },
  },
  minimal: {
    summary: 'Bid/ask only (spot from the latest pushed price)',
    value: { symbol: 'SPX', contracts: [{ option_symbol: 'SPXW260220C06000000', bid: 21.4, ask: 21.9 }] },
  },
};

export const FLOW_EXAMPLES = {
  sweep: {
    summary: 'Two prints',
    value: {
      symbol: 'SPY',
      timestamp: '2026-02-17T15:30:00Z',
      entries: [
        { option_symbol: 'SPY260220C00600000', side: 'buy', size: 250, price: 2.35, premium: 58750 },
        { option_symbol: 'SPY260220P00590000', side: 'sell', size: 100, price: 1.8 },
      ],
    },
  },
};
