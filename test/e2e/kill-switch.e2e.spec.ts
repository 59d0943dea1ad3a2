import request from 'supertest';
import { ManualClock } from '../../src/core/clock';
import { startTestApp } from '../helpers/test-app';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  scriptSpyMarket,
  waitForStatus,
  insertOpenQqqCall,
} from '../integration/decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const NOW = '2026-02-13T15:30:00.000Z';

describe('kill switch over HTTP (POST/GET /admin/kill-switch)', () => {
  let t: Started;
  let viewer: Record<string, string>;
  let operator: Record<string, string>;

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
    viewer = await t.authHeaders('viewer');
    operator = await t.authHeaders('operator');
    await scriptSpyMarket(t.url, NOW);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('shows the state to a viewer and refuses a viewer engaging it (403)', async () => {
    const state = await request(t.url).get('/admin/kill-switch').set(viewer);
    expect(state.status).toBe(200);
    expect(state.body).toEqual({ engaged: false, updated_by: null, updated_at: null });
    const res = await request(t.url).post('/admin/kill-switch').set(viewer).send({ engaged: true });
    expect(res.status).toBe(403);
    expect(res.body.reason_code).toBe('forbidden');
    expect((await request(t.url).get('/admin/kill-switch').set(viewer)).body.engaged).toBe(false);
    expect((await request(t.url).post('/admin/kill-switch').send({ engaged: true })).status).toBe(401);
  });

  it.each([
    [{}, 'engaged'],
    [{ engaged: 'on' }, 'engaged'],
    [{ engaged: true, flatten: 'yes' }, 'flatten'],
    [{ engaged: false, flatten: true }, 'flatten'],
  ])('refuses a bad body %j with field details (400)', async (body, field) => {
    const res = await request(t.url).post('/admin/kill-switch').set(operator).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('lets an operator engage it with flatten: open positions close, a later signal is rejected, all audited', async () => {
    const a = await insertOpenQqqCall(t.dataSource, 500, NOW);
    const b = await insertOpenQqqCall(t.dataSource, 505, NOW);
    const res = await request(t.url)
      .post('/admin/kill-switch')
      .set(operator)
      .send({ engaged: true, flatten: true, reason: 'runaway strategy' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      engaged: true,
      by: 'operator-user',
      reason: 'runaway strategy',
      flattened: [
        { position_id: a, outcome: 'closing' },
        { position_id: b, outcome: 'closing' },
      ],
      at: NOW,
    });
    const closes = await t.dataSource.query<{ position_id: string; exit_reason: string }[]>(
      `SELECT position_id, exit_reason FROM orders WHERE intent = 'close' ORDER BY created_at`,
    );
    expect(closes).toEqual([
      { position_id: a, exit_reason: 'kill_switch' },
      { position_id: b, exit_reason: 'kill_switch' },
    ]);
    const state = await request(t.url).get('/admin/kill-switch').set(viewer);
    expect(state.body).toEqual({ engaged: true, updated_by: 'operator-user', updated_at: NOW });

    const signal = await postTraceSignal(t.url, NOW);
    expect(signal.status).toBe(200);
    const blocked = await waitForStatus(t.dataSource, signal.body.signal_id as string, ['approved', 'rejected']);
    expect(blocked).toMatchObject({ status: 'rejected', rejection_reason: 'risk_rejected:kill_switch_active' });
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM orders WHERE intent = 'open'`,
    );
    expect(n).toBe(0);

    const audit = await request(t.url).get('/feature-flags/audit?name=kill_switch').set(viewer);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        flag_name: 'kill_switch',
        old_value: null,
        new_value: true,
        actor: 'operator-user',
        actor_kind: 'user',
        reason: 'runaway strategy',
        changed_at: NOW,
      }),
    ]);
  });

  it('releases it: entries go through again, and the release is audited', async () => {
    t.clock.advance(60_000);
    const res = await request(t.url).post('/admin/kill-switch').set(operator).send({ engaged: false, reason: 'fixed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ engaged: false, by: 'operator-user', flattened: [] });
    const signal = await postTraceSignal(t.url, t.clock.now().toISOString());
    const decided = await waitForStatus(t.dataSource, signal.body.signal_id as string, ['approved', 'rejected']);
    expect(decided).toMatchObject({ status: 'approved' });

    const audit = await request(t.url).get('/feature-flags/audit?name=kill_switch').set(viewer);
    expect(audit.body.total).toBe(2);
    expect(audit.body.items[0]).toMatchObject({ old_value: true, new_value: false, reason: 'fixed' });
    const flags = await request(t.url).get('/feature-flags').set(viewer);
    expect((flags.body.items as { name: string }[]).find((f) => f.name === 'kill_switch')).toMatchObject({
      enabled: false,
      source: 'database',
      updated_by: 'operator-user',
    });
  });
});
