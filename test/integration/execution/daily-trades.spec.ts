import { ManualClock } from '../../../src/core/clock';
import { ExecutionService } from '../../../src/execution/execution.service';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, scriptSpyMarket } from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const NOW = '2026-02-13T15:30:00.000Z';

describe('MAX_DAILY_TRADES under concurrent fills (real PostgreSQL)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        MAX_DAILY_TRADES: '2',
        MARKET_DATA_QUOTE_TTL_MS: '0',
        // Only the test executes orders.
        WORKER_QUEUES: 'signals,decisions,maintenance',
      },
    });
    await scriptSpyMarket(t.url, NOW);
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('fills exactly the cap when five opening orders race, and fails the rest daily_trade_limit', async () => {
    const strikes = [590, 592, 594, 596, 598];
    const ids: string[] = [];
    for (const strike of strikes) {
      const [row] = await t.dataSource.query<{ order_id: string }[]>(
        `INSERT INTO orders (intent, symbol, option_symbol, strike, expiration, type, quantity, order_type, status,
                             engine, created_at, updated_at)
         VALUES ('open', 'SPY', $1, $2, '2026-02-20', 'call', 1, 'paper', 'pending_execution', 'A', $3, $3)
         RETURNING order_id`,
        [`SPY260220C00${strike}000`, strike, NOW],
      );
      ids.push(row.order_id);
    }
    const execution = t.app.get(ExecutionService);
    const outcomes = await Promise.all(ids.map((id) => execution.execute(id)));
    expect(outcomes.filter((o) => o.kind === 'filled')).toHaveLength(2);
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([
      { kind: 'failed', reason: 'daily_trade_limit' },
      { kind: 'failed', reason: 'daily_trade_limit' },
      { kind: 'failed', reason: 'daily_trade_limit' },
    ]);
    const [{ trades }] = await t.dataSource.query<{ trades: number }[]>(
      `SELECT COUNT(*)::int AS trades FROM trades WHERE intent = 'open'`,
    );
    expect(trades).toBe(2);
  });
});
