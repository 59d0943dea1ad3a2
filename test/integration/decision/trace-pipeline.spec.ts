import request from 'supertest';
import { ManualClock } from '../../../src/core/clock';
import { startTestApp } from '../../helpers/test-app';
import { DECISION_STEP_ENV, postTraceBias, scriptSpyMarket, waitForStatus, postTraceSignal } from './pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: the trace's own dates fall on a weekend. */
const NOW = '2026-02-13T15:30:00.000Z';

describe('section 17 trace, steps 2-7, through the queues (real PostgreSQL and Redis)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        // The decision step only: orders stay pending_execution (fills have their own suites).
        ...DECISION_STEP_ENV,
      },
    });
    await scriptSpyMarket(t.url, NOW);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('enriches, assigns A, runs Engine A and writes one pending order: 596 call, 9 contracts', async () => {
    const res = await postTraceSignal(t.url, NOW);
    expect(res.status).toBe(200);
    const signalId: string = res.body.signal_id;
    const signal = await waitForStatus(t.dataSource, signalId, ['approved', 'rejected']);
    expect(signal).toMatchObject({ status: 'approved', rejection_reason: null, decision_only: false });

    const [enrichment] = await t.dataSource.query(
      'SELECT enriched_data, risk_check_result FROM signal_enrichments WHERE signal_id = $1',
      [signalId],
    );
    expect(enrichment.enriched_data).toMatchObject({
      price: 595.42,
      metadata: { confidence: 75 },
      gex: { dealerPosition: 'long_gamma' },
      session: { isOpen: true, sessionType: 'RTH' },
    });
    expect(enrichment.risk_check_result).toMatchObject({ marketOpen: true, openPositions: 0, maxOpenPositions: 5 });

    const [experiment] = await t.dataSource.query(
      `SELECT e.variant, p.execution_mode, p.executed_engine FROM experiments e
         JOIN execution_policies p ON p.experiment_id = e.experiment_id WHERE e.signal_id = $1`,
      [signalId],
    );
    expect(experiment).toEqual({ variant: 'A', execution_mode: 'ENGINE_A_PRIMARY', executed_engine: 'A' });

    const orders = await t.dataSource.query(
      `SELECT option_symbol, strike, to_char(expiration, 'YYYY-MM-DD') AS expiration, type, quantity, status, engine,
              order_type, intent
         FROM orders WHERE signal_id = $1`,
      [signalId],
    );
    expect(orders).toEqual([
      {
        option_symbol: 'SPY260220C00596000',
        strike: '596.00',
        expiration: '2026-02-20',
        type: 'call',
        quantity: 9,
        status: 'pending_execution',
        engine: 'A',
        order_type: 'paper',
        intent: 'open',
      },
    ]);

    const explained = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
    expect(explained.status).toBe(200);
    const engineA = explained.body.engines.find((e: { engine: string }) => e.engine === 'A');
    expect(engineA).toMatchObject({ status: 'approved', is_shadow: false, quantity: 9, entry_price: '3.4500' });
    const sizing = engineA.steps.find((s: { step: string }) => s.step === 'sizing');
    expect(sizing.detail).toContain('base=10 -> gamma=12 -> bias=9');
    expect(engineA.gates.every((g: { pass: boolean }) => g.pass)).toBe(true);
    expect(explained.body.orders).toHaveLength(1);
  });
});
