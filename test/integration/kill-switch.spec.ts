import { ManualClock } from '../../src/core/clock';
import { KillSwitchService } from '../../src/kill-switch/kill-switch.service';
import { eventually } from '../helpers/eventually';
import { startTestApp } from '../helpers/test-app';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  scriptSpyMarket,
  waitForStatus,
  insertOpenQqqCall,
} from './decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const NOW = '2026-02-13T15:30:00.000Z';

describe('kill switch (real PostgreSQL and Redis)', () => {
  let t: Started;
  let killSwitch: KillSwitchService;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        STRIKE_SELECTION_MODE: 'atm',
        ENABLE_CONFLUENCE_SIZING: 'false',
        WORKER_QUEUES: 'signals,decisions,maintenance',
        SIGNAL_DEDUP_WINDOW_SECONDS: '0',
      },
    });
    killSwitch = t.app.get(KillSwitchService);
    await scriptSpyMarket(t.url, NOW);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('blocks a signal that arrives after it, flattens the book through the exit path, and is recorded', async () => {
    const a = await insertOpenQqqCall(t.dataSource, 500, NOW);
    const b = await insertOpenQqqCall(t.dataSource, 505, NOW);
    const change = await killSwitch.engage('ops@example.com', { reason: 'runaway strategy', flatten: true });
    expect(change).toMatchObject({ engaged: true, by: 'ops@example.com', reason: 'runaway strategy' });
    expect(change.flattened).toEqual([
      { positionId: a, outcome: 'closing' },
      { positionId: b, outcome: 'closing' },
    ]);
    const closes = await t.dataSource.query<{ position_id: string; exit_reason: string }[]>(
      `SELECT position_id, exit_reason FROM orders WHERE intent = 'close' ORDER BY created_at`,
    );
    expect(closes).toEqual([
      { position_id: a, exit_reason: 'kill_switch' },
      { position_id: b, exit_reason: 'kill_switch' },
    ]);
    expect(await killSwitch.state()).toMatchObject({ engaged: true, updated_by: 'ops@example.com' });

    const res = await postTraceSignal(t.url, NOW);
    const blocked = await waitForStatus(t.dataSource, res.body.signal_id as string, ['approved', 'rejected']);
    expect(blocked).toMatchObject({ status: 'rejected', rejection_reason: 'risk_rejected:kill_switch_active' });
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM orders WHERE intent = 'open'`,
    );
    expect(n).toBe(0);
  });

  it('lets entries through again once released', async () => {
    await killSwitch.release('ops@example.com', 'fixed');
    expect(await killSwitch.state()).toMatchObject({ engaged: false });
    const res = await postTraceSignal(t.url, NOW);
    const decided = await waitForStatus(t.dataSource, res.body.signal_id as string, ['approved', 'rejected']);
    expect(decided).toMatchObject({ status: 'approved' });
    await eventually(async () => {
      const rows = await t.dataSource.query<unknown[]>(
        `SELECT 1 FROM orders WHERE intent = 'open' AND signal_id = $1`,
        [res.body.signal_id],
      );
      return rows.length === 1;
    });
  });
});
