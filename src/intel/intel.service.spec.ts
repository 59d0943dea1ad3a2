import type { BiasStateAggregator } from '../bias/bias-state.aggregator';
import type { AppConfig } from '../config';
import type { MarketCalendar } from '../core/calendar';
import { ManualClock } from '../core/clock';
import type { MarketDataProvider } from '../market-data/market-data.provider';
import type { PositioningService } from '../positioning/positioning.service';
import type { IntelRepository } from './intel.repository';
import { IntelService } from './intel.service';

const NOW = '2026-02-17T15:30:00.000Z';

function service(overrides: { positioning?: Partial<PositioningService>; bias?: Partial<BiasStateAggregator> } = {}) {
  const repository = {
    activeSymbols: async () => ['TSLA', 'SPY'],
    openPositions: async () => [{ symbol: 'SPY', engine: 'B' as const, n: 2 }],
    lastSignals: async () => [],
  } as unknown as IntelRepository;
  const marketData = {
    stockQuote: async () => ({ ok: false, reasonCode: 'market_data_unavailable', detail: 'no provider answered' }),
  } as unknown as MarketDataProvider;
  const positioning = {
    gex: async () => ({ ok: false, reasonCode: 'market_data_unavailable', detail: 'no chain' }),
    flow: async () => {
      throw new Error('redis down');
    },
    ...overrides.positioning,
  } as unknown as PositioningService;
  const bias = { getStateWithGating: async () => null, ...overrides.bias } as unknown as BiasStateAggregator;
  const calendar = {
    marketSessionAt: () => 'regular',
    nextOpen: () => new Date('2026-02-18T14:30:00Z'),
    nextClose: () => new Date('2026-02-17T21:00:00Z'),
    isOptionsSessionOpen: () => true,
  } as unknown as MarketCalendar;
  const config = { marketData: { gammaMetricsSymbols: ['SPY', 'QQQ'] } } as unknown as AppConfig;
  return new IntelService(repository, positioning, bias, marketData, calendar, new ManualClock(NOW), config);
}

describe('IntelService', () => {
  it('when every source fails, then each part is null and listed as unavailable, and the snapshot still answers', async () => {
    const snapshot = await service().snapshot(['SPY']);
    expect(snapshot.items).toEqual([
      {
        symbol: 'SPY',
        options_session_open: true,
        price: null,
        bias: null,
        gamma: null,
        flow: null,
        positions: { open: 2, engine_a: 0, engine_b: 2 },
        last_signal: null,
        unavailable: [
          { part: 'price', reason_code: 'market_data_unavailable', detail: 'no provider answered' },
          { part: 'gamma', reason_code: 'market_data_unavailable', detail: 'no chain' },
          { part: 'flow', reason_code: 'internal_error', detail: 'flow could not be read' },
        ],
      },
    ]);
    expect(snapshot.market).toEqual({
      session: 'regular',
      is_open: true,
      next_open: '2026-02-18T14:30:00.000Z',
      next_close: '2026-02-17T21:00:00.000Z',
    });
  });

  it('when no symbols are asked, then it takes the configured ones first and adds the active ones once', async () => {
    const snapshot = await service().snapshot(undefined);
    expect(snapshot.items.map((i) => i.symbol)).toEqual(['SPY', 'QQQ', 'TSLA']);
  });

  it('when the bias store throws, then bias is unavailable rather than a 500', async () => {
    const snapshot = await service({
      bias: {
        getStateWithGating: async () => {
          throw new Error('connection refused');
        },
      },
    }).snapshot(['QQQ']);
    expect(snapshot.items[0].unavailable).toContainEqual({
      part: 'bias',
      reason_code: 'internal_error',
      detail: 'bias could not be read',
    });
  });
});
