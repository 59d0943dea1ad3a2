import { randomUUID } from 'node:crypto';
import { OutboxService } from '../../src/outbox/outbox.service';
import { QueueName, QueueService } from '../../src/queues';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('outbox sweep', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  const insertSignal = async (status: string, createdAt: Date, queuedUntil: Date | null = null): Promise<string> => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO signals (signal_id, symbol, action, direction, timeframe, timestamp, status, dedup_key, received_at,
         created_at, queued_until)
       VALUES ($1, 'SPY', 'entry', 'long', '5m', $2, $3, $4, $2, $2, $5)`,
      [id, createdAt, status, id.replace(/-/g, ''), queuedUntil],
    );
    return id;
  };

  it('re-offers stuck pending signals and due queued ones, once, and leaves the rest', async () => {
    const now = t.clock.now().getTime();
    const stuck = await insertSignal('pending', new Date(now - 31_000));
    const fresh = await insertSignal('pending', new Date(now - 5_000));
    const due = await insertSignal('queued', new Date(now - 3_600_000), new Date(now - 1_000));
    const later = await insertSignal('queued', new Date(now - 3_600_000), new Date(now + 3_600_000));
    const done = await insertSignal('approved', new Date(now - 3_600_000));
    const outbox = t.app.get(OutboxService);
    const queue = t.app.get(QueueService).queue(QueueName.Signals);

    const first = await outbox.sweep();
    const ids = async () =>
      Promise.all([stuck, fresh, due, later, done].map(async (id) => Boolean(await queue.getJob(`signal-${id}`))));
    expect(await ids()).toEqual([true, false, true, false, false]);
    // The scheduled sweep may have taken one of them first; together they enqueue each once.
    expect(first.signals).toBeLessThanOrEqual(2);

    const second = await outbox.sweep();
    expect(second.signals).toBe(0);

    // A row far older than the last check is left to the next full sweep (every 5 minutes).
    const lost = await insertSignal('pending', new Date(now - 600_000));
    await outbox.sweep();
    expect(await queue.getJob(`signal-${lost}`)).toBeUndefined();
    t.clock.advance(5 * 60_000);
    await outbox.sweep();
    expect(await queue.getJob(`signal-${lost}`)).toBeDefined();
    // Workers consume the signals queue now: count the jobs in every state, once each.
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
    expect(jobs.filter((job) => [stuck, due].includes(job.data.signalId))).toHaveLength(2);
  });
});

describe('outbox sweep schedule', () => {
  it('runs on its BullMQ job scheduler without being called', async () => {
    const t = await startTestApp({ env: { OUTBOX_SWEEP_INTERVAL_MS: '300' } });
    try {
      const id = randomUUID();
      const old = new Date(t.clock.now().getTime() - 31_000);
      await t.dataSource.query(
        `INSERT INTO signals (signal_id, symbol, action, direction, timeframe, timestamp, status, dedup_key, received_at,
           created_at) VALUES ($1, 'QQQ', 'entry', 'short', '1m', $2, 'pending', $3, $2, $2)`,
        [id, old, id.replace(/-/g, '')],
      );
      const queue = t.app.get(QueueService).queue(QueueName.Signals);
      const deadline = Date.now() + 10_000;
      while (!(await queue.getJob(`signal-${id}`))) {
        if (Date.now() > deadline) {
          throw new Error('the scheduled sweep did not enqueue the signal');
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });
});
