import { ManualClock } from '../../../src/core/clock';
import { PositionMonitor } from '../../../src/positions/position-monitor.service';
import { startTestApp } from '../../helpers/test-app';
import { WEBHOOK_MARKET_ENV } from '../decision/pipeline-helpers';
import { insertPosition, positionOf, pushChain } from './position-fixtures';

/** Friday 2026-02-13 10:30 New York: the options session is open. */
const NOW = '2026-02-13T15:30:00.000Z';
const CALL = 'SPY260220C00598000';
const MAX_QUOTE_AGE_MS = 60_000;

describe('marks and exits on stale quotes (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        ...WEBHOOK_MARKET_ENV,
        MAX_QUOTE_AGE_MS: String(MAX_QUOTE_AGE_MS),
        // Only the test runs mark passes, and closing orders stay pending.
        WORKER_QUEUES: 'signals,decisions,feedback,alerts',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  it('neither marks nor stops out on a quote older than MAX_QUOTE_AGE_MS, and does on a fresh one', async () => {
    const positionId = await insertPosition(t.dataSource, CALL, 598, 4, '3.0000', NOW);
    const monitor = t.app.get(PositionMonitor);
    // Mid 0.92 on entry 3.00: -69%, past the 50% stop loss.
    await pushChain(t, { [CALL]: { bid: 0.9, ask: 0.94 } });

    t.clock.advance(MAX_QUOTE_AGE_MS + 1_000);
    expect(await monitor.markAndEvaluate('SPY')).toEqual({ marked: 0, exits: [] });
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({
      status: 'open',
      current_price: '3.0000',
      unrealized_pnl: '0.00',
    });

    // The same prices, quoted now: marked, and the stop loss fires.
    await pushChain(t, { [CALL]: { bid: 0.9, ask: 0.94 } });
    const fresh = await monitor.markAndEvaluate('SPY');
    expect(fresh.marked).toBe(1);
    expect(fresh.exits).toEqual([expect.objectContaining({ positionId, code: 'stop_loss', outcome: 'closing' })]);
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({
      status: 'closing',
      current_price: '0.9200',
      unrealized_pnl: '-832.00',
    });
  });
});
