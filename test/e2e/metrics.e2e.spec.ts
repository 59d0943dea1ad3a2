import request from 'supertest';
import { eventually } from '../helpers/eventually';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('GET /metrics (Prometheus)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('exposes HTTP, queue, pipeline stage, signal, position and P&L metrics in the text format', async () => {
    const posted = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ symbol: 'SPY', direction: 'long', timeframe: '5m', confidence: 80 }));
    expect(posted.status).toBe(200);
    await eventually(async () => {
      const [row] = await t.dataSource.query<{ status: string }[]>('SELECT status FROM signals WHERE signal_id = $1', [
        posted.body.signal_id,
      ]);
      return ['approved', 'rejected'].includes(row.status);
    });
    await t.dataSource.query(
      `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                              current_price, unrealized_pnl, realized_pnl, status, entry_timestamp, engine)
       VALUES ('QQQ', 'QQQ260220C00500000', 500, '2026-02-20', 'call', 'long', 2, 1.5, 2, 100, NULL, 'open', now(), 'B')`,
    );
    const res = await eventually(async () => {
      const scraped = await request(t.url).get('/metrics').set(t.auth);
      return scraped.text.includes('job="signal.enrich"') ? scraped : undefined;
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/http_requests_total\{method="POST",route="\/webhook",status="200"\} 1/);
    expect(res.text).toMatch(
      /queue_job_duration_seconds_count\{queue="signals",job="signal.enrich",outcome="completed"\} \d+/,
    );
    expect(res.text).toMatch(/queue_jobs\{queue="signals",state="completed"\} \d+/);
    expect(res.text).toMatch(/signals_last_24h\{status="(approved|rejected)",reason="[a-z_]*"\} 1/);
    expect(res.text).toContain('open_positions{engine="B",status="open"} 1');
    expect(res.text).toContain('pnl_dollars{engine="B",kind="unrealized"} 100');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});
