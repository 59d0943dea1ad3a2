import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ManualClock } from '../../../src/core/clock';
import { QueuedSignalsRelease } from '../../../src/enrichment/queued-signals.release';
import { JobName, QueueName, QueueService } from '../../../src/queues';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, postTraceBias, scriptSpyMarket, signedPost, waitForStatus } from './pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Saturday 2026-02-14 11:00 New York: closed all day. */
const SATURDAY = '2026-02-14T16:00:00.000Z';
/** Thursday 2026-02-12 20:00 New York (after the close); the next regular open is Friday 09:30 EST = 14:30Z. */
const THURSDAY_EVENING = '2026-02-13T01:00:00.000Z';
/** Held past Engine A's 5-minute opening wait. */
const RELEASE_AT = '2026-02-13T14:35:00.000Z';
const PIPELINE_ENV = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
};

async function startClosed(at: string, env: Record<string, string> = {}): Promise<Started> {
  const t = await startTestApp({ clock: new ManualClock(at), env: { ...PIPELINE_ENV, ...env } });
  await scriptSpyMarket(t.url, at);
  await postTraceBias(t.url, new Date(Date.parse(at) - 5 * 60_000).toISOString());
  return t;
}

async function postSignal(t: Started, timeframe = '5m'): Promise<string> {
  const res = await signedPost(t.url, '/webhook', {
    symbol: 'SPY',
    direction: 'long',
    timeframe,
    timestamp: t.clock.now().toISOString(),
    price: 595.42,
    confidence: 75,
  });
  expect(res.status).toBe(200);
  return res.body.signal_id as string;
}

async function countOrders(t: Started, signalId: string): Promise<number> {
  const [row] = await t.dataSource.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM orders WHERE signal_id = $1',
    [signalId],
  );
  return row.n;
}

describe('signals while the market is closed (real PostgreSQL, Redis and BullMQ)', () => {
  describe('DECISION_ONLY_WHEN_MARKET_CLOSED=true (the default)', () => {
    let t: Started;

    beforeAll(async () => {
      t = await startClosed(SATURDAY);
    });

    afterAll(async () => {
      await t.close();
      await t.dropDatabase();
    });

    it('runs the engines and records the decision, with decision_only and no order', async () => {
      const signalId = await postSignal(t);
      const signal = await waitForStatus(t.dataSource, signalId, ['approved', 'rejected'], 10_000);
      expect(signal.decision_only).toBe(true);
      expect(await countOrders(t, signalId)).toBe(0);

      const explained = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
      expect(explained.status).toBe(200);
      expect(explained.body).toMatchObject({ signal_id: signalId, decision_only: true, queued_until: null });
      expect(explained.body.experiment).not.toBeNull();
      expect(explained.body.engines.length).toBeGreaterThan(0);
      expect(explained.body.engines.map((e: { engine: string }) => e.engine)).toContain('A');
      expect(explained.body.orders).toEqual([]);
      expect(explained.body.enrichment).toMatchObject({ decisionOnly: true, session: { isOpen: false } });
    });

    it('rejects a signal older than SIGNAL_MAX_AGE_MINUTES as signal_stale', async () => {
      // Received 31 minutes ago (just past the 30-minute default) and only now enriched: a backlog, workers down.
      const id = randomUUID();
      const received = new Date(t.clock.now().getTime() - 31 * 60_000);
      const payload = { symbol: 'SPY', direction: 'long', timeframe: '15m', confidence: 75 };
      await t.dataSource.query(
        `INSERT INTO signals (signal_id, symbol, action, direction, timeframe, timestamp, status, raw_payload,
           dedup_key, received_at, created_at, updated_at)
         VALUES ($1, 'SPY', 'entry', 'long', '15m', $2, 'pending', $3::jsonb, $4, $2, $2, $2)`,
        [id, received, JSON.stringify(payload), id.replace(/-/g, '')],
      );
      await t.app.get(QueueService).enqueue(JobName.EnrichSignal, { signalId: id });

      const signal = await waitForStatus(t.dataSource, id, ['approved', 'rejected'], 10_000);
      expect(signal).toMatchObject({ status: 'rejected', rejection_reason: 'signal_stale' });
      expect(await countOrders(t, id)).toBe(0);
      const [experiments] = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM experiments WHERE signal_id = $1',
        [id],
      );
      expect(experiments.n).toBe(0);
    });
  });

  describe('DECISION_ONLY_WHEN_MARKET_CLOSED=false, QUEUE_SIGNALS_WHEN_MARKET_CLOSED=true', () => {
    let t: Started;

    beforeAll(async () => {
      // The sweep's own schedule would release the signal too (same job id): keep it out of the way.
      t = await startClosed(THURSDAY_EVENING, {
        DECISION_ONLY_WHEN_MARKET_CLOSED: 'false',
        OUTBOX_SWEEP_INTERVAL_MS: '3600000',
      });
    });

    afterAll(async () => {
      await t.close();
      await t.dropDatabase();
    });

    it('holds the signal until the next regular open, then enriches and decides it under the release mark', async () => {
      const signalId = await postSignal(t);
      const held = await waitForStatus(t.dataSource, signalId, ['queued', 'approved', 'rejected'], 10_000);
      expect(held.status).toBe('queued');
      const [row] = await t.dataSource.query<{ queued_until: Date; queued_at: Date; queue_reason: string }[]>(
        'SELECT queued_until, queued_at, queue_reason FROM signals WHERE signal_id = $1',
        [signalId],
      );
      expect(row.queued_until.toISOString()).toBe(RELEASE_AT);
      expect(row.queue_reason).toBe('queued_market_closed');
      expect(await countOrders(t, signalId)).toBe(0);
      // A delayed release job is set for the open.
      const releaseJob = await t.app
        .get(QueueService)
        .queue(QueueName.Maintenance)
        .getJob(`release-${Date.parse(RELEASE_AT)}`);
      expect(releaseJob?.opts.delay).toBe(Date.parse(RELEASE_AT) - Date.parse(THURSDAY_EVENING));

      const release = t.app.get(QueuedSignalsRelease);
      t.clock.set('2026-02-13T14:34:59.000Z');
      await expect(release.releaseDue()).resolves.toEqual({ released: 0 });

      // Past the open and Engine A's 5-minute opening wait, with the market and the bias of the morning (what the
      // minute schedule does when the delayed release job was missed).
      const open = '2026-02-13T14:40:00.000Z';
      t.clock.set(open);
      await scriptSpyMarket(t.url, open);
      await postTraceBias(t.url, '2026-02-13T14:30:00.000Z');
      await expect(release.releaseDue()).resolves.toEqual({ released: 1 });

      const mark = row.queued_at.getTime();
      const queues = t.app.get(QueueService);
      const enrichJob = await queues.queue(QueueName.Signals).getJob(`signal-${signalId}-r${mark}`);
      expect(enrichJob?.data).toEqual({ signalId, release: mark });

      const decided = await waitForStatus(t.dataSource, signalId, ['approved', 'rejected'], 10_000);
      expect(decided).toMatchObject({ status: 'approved', rejection_reason: null, decision_only: false });
      expect(await countOrders(t, signalId)).toBe(1);
      const decideJob = await queues.queue(QueueName.Decisions).getJob(`decide-${signalId}-r${mark}`);
      expect(decideJob?.data).toEqual({ signalId, release: mark });

      const [enrichment] = await t.dataSource.query<{ enriched_data: Record<string, unknown> }[]>(
        'SELECT enriched_data FROM signal_enrichments WHERE signal_id = $1',
        [signalId],
      );
      expect(enrichment.enriched_data).toMatchObject({
        released: true,
        effectiveSignalTime: RELEASE_AT,
        session: { isOpen: true },
      });
      // Released once.
      await expect(release.releaseDue()).resolves.toEqual({ released: 0 });
    });
  });

  describe('a held signal released by its delayed job at the open', () => {
    let t: Started;

    beforeAll(async () => {
      t = await startClosed(THURSDAY_EVENING, {
        DECISION_ONLY_WHEN_MARKET_CLOSED: 'false',
        OUTBOX_SWEEP_INTERVAL_MS: '3600000',
      });
    });

    afterAll(async () => {
      await t.close();
      await t.dropDatabase();
    });

    // Spec section 8: a signal queued while closed is held "until next market open" to be traded then. Released at
    // 09:30:00 ET it would fall inside Engine A's opening wait and be rejected for good (opening_range_wait): it is
    // held until the wait has passed, 09:35.
    it('is decided on its merits, not rejected for good by the opening wait', async () => {
      const signalId = await postSignal(t);
      expect((await waitForStatus(t.dataSource, signalId, ['queued', 'approved', 'rejected'], 10_000)).status).toBe(
        'queued',
      );
      const releaseJob = await t.app
        .get(QueueService)
        .queue(QueueName.Maintenance)
        .getJob(`release-${Date.parse(RELEASE_AT)}`);
      expect(releaseJob).toBeDefined();

      // The moment its delay runs out.
      t.clock.set(RELEASE_AT);
      await scriptSpyMarket(t.url, RELEASE_AT);
      await postTraceBias(t.url, '2026-02-13T14:29:00.000Z');
      await releaseJob!.promote();

      const decided = await waitForStatus(t.dataSource, signalId, ['approved', 'rejected'], 10_000);
      expect(decided.rejection_reason).not.toBe('no_recommendation:opening_range_wait');
      expect(decided).toMatchObject({ status: 'approved', rejection_reason: null });
      expect(await countOrders(t, signalId)).toBe(1);
    });
  });

  describe('DECISION_ONLY_WHEN_MARKET_CLOSED=false, QUEUE_SIGNALS_WHEN_MARKET_CLOSED=false', () => {
    let t: Started;

    beforeAll(async () => {
      t = await startClosed(THURSDAY_EVENING, {
        DECISION_ONLY_WHEN_MARKET_CLOSED: 'false',
        QUEUE_SIGNALS_WHEN_MARKET_CLOSED: 'false',
      });
    });

    afterAll(async () => {
      await t.close();
      await t.dropDatabase();
    });

    it('rejects the signal as market_closed', async () => {
      const signalId = await postSignal(t);
      const signal = await waitForStatus(t.dataSource, signalId, ['queued', 'approved', 'rejected'], 10_000);
      expect(signal).toMatchObject({ status: 'rejected', rejection_reason: 'market_closed', decision_only: false });
      expect(await countOrders(t, signalId)).toBe(0);
    });
  });
});
