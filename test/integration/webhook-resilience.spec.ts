import request from 'supertest';
import { QueueName, QueueService } from '../../src/queues';
import { createTestDatabase, databaseUrl } from '../setup/test-database';
import { ManualClock } from '../../src/core/clock';
import { PINNED_NOW, startTestApp } from '../helpers/test-app';
import { deadPort, TcpProxy } from '../helpers/tcp-proxy';
import { uniqueName } from '../setup/test-database';
import { eventually } from '../helpers/eventually';

describe('ingestion when Redis is down', () => {
  it('still answers ACCEPTED, and the outbox sweep enqueues the signal once Redis is back', async () => {
    const database = await createTestDatabase();
    const queuePrefix = uniqueName('bulltest');
    const clock = new ManualClock(PINNED_NOW);
    const down = await startTestApp({
      databaseUrl: database.url,
      queuePrefix,
      clock,
      env: { REDIS_URL: `redis://127.0.0.1:${await deadPort()}` },
    });
    let signalId: string;
    try {
      const res = await request(down.url).post('/webhook').send({ symbol: 'SPY', direction: 'long', timeframe: '5' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ACCEPTED');
      signalId = res.body.signal_id;
      const ready = await request(down.url).get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.reason_code).toBe('not_ready');
    } finally {
      await down.close();
    }

    clock.advance(31_000);
    const back = await startTestApp({ databaseUrl: database.url, queuePrefix, clock });
    try {
      const queue = back.app.get(QueueService).queue(QueueName.Signals);
      const job = await eventually(() => queue.getJob(`signal-${signalId}`));
      expect(job.data).toEqual({ signalId });
      // The recovered signal now goes through enrichment and decision like any other.
      const decided = await eventually(async () => {
        const [signal] = await back.dataSource.query<{ status: string }[]>(
          'SELECT status FROM signals WHERE signal_id = $1',
          [signalId],
        );
        return ['approved', 'rejected'].includes(signal.status) ? signal : undefined;
      });
      expect(['approved', 'rejected']).toContain(decided.status);
    } finally {
      await back.close();
      await back.dropDatabase();
      await database.drop();
    }
  });
});

describe('ingestion when PostgreSQL is unreachable', () => {
  it('answers 503 quickly so TradingView retries, and accepts again once it is back', async () => {
    const database = await createTestDatabase();
    const proxy = new TcpProxy('127.0.0.1', 5432);
    const port = await proxy.start();
    const viaProxy = databaseUrl(database.name).replace(':5432/', `:${port}/`);
    const t = await startTestApp({ databaseUrl: viaProxy, env: { DB_CONNECT_TIMEOUT_MS: '1000' } });
    try {
      expect(
        (await request(t.url).post('/webhook').send({ symbol: 'QQQ', direction: 'long', timeframe: '1' })).status,
      ).toBe(200);
      await proxy.cut();
      const started = Date.now();
      const res = await request(t.url).post('/webhook').send({ symbol: 'QQQ', direction: 'short', timeframe: '1' });
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'ERROR', reason_code: 'database_unavailable' });
      // TradingView gives up after 3 s without retrying; a 503 must come well before.
      expect(elapsed).toBeLessThan(3000);

      await proxy.start(port);
      const again = await eventually(async () => {
        const r = await request(t.url).post('/webhook').send({ symbol: 'QQQ', direction: 'short', timeframe: '1' });
        return r.status === 200 ? r : null;
      });
      expect(again.body.status).toBe('ACCEPTED');
    } finally {
      await proxy.cut();
      await t.close();
      await database.drop();
    }
  });
});
