import request from 'supertest';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('GET /market/clock and /market/calendar', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ env: { MARKET_EXTRA_CLOSURES: '2026-03-10' } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('says the regular session is open on a Tuesday at 10:30 New York time', async () => {
    const res = await request(t.url).get('/market/clock');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      timestamp: '2026-02-17T10:30:00.000-05:00',
      is_open: true,
      session: 'regular',
      next_open: '2026-02-18T09:30:00.000-05:00',
      next_close: '2026-02-17T16:00:00.000-05:00',
    });
  });

  it('points over a holiday weekend to the next open (Good Friday 2026)', async () => {
    t.clock.set('2026-04-02T21:00:00Z');
    const res = await request(t.url).get('/market/clock');
    expect(res.body).toMatchObject({
      is_open: false,
      session: 'afterhours',
      next_open: '2026-04-06T09:30:00.000-04:00',
    });
    t.clock.set('2026-02-17T15:30:00Z');
  });

  it('lists trading days with early closes, skipping holidays and configured closures', async () => {
    const res = await request(t.url).get('/market/calendar?start=2026-11-25&end=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        date: '2026-11-25',
        open: '09:30',
        close: '16:00',
        early_close: false,
        session_open: '0400',
        session_close: '2000',
      },
      {
        date: '2026-11-27',
        open: '09:30',
        close: '13:00',
        early_close: true,
        session_open: '0400',
        session_close: '1700',
      },
      {
        date: '2026-11-30',
        open: '09:30',
        close: '16:00',
        early_close: false,
        session_open: '0400',
        session_close: '2000',
      },
    ]);
    const closed = await request(t.url).get('/market/calendar?start=2026-03-09&end=2026-03-11');
    expect(closed.body.map((d: { date: string }) => d.date)).toEqual(['2026-03-09', '2026-03-11']);
  });

  it('refuses a bad range with field errors', async () => {
    const res = await request(t.url).get('/market/calendar?start=2026-13-01&end=2026-01-01');
    expect(res.status).toBe(400);
    expect(res.body.reason_code).toBe('invalid_date_range');
    expect(res.body.details[0].field).toBe('start');
    const reversed = await request(t.url).get('/market/calendar?start=2026-02-01&end=2026-01-01');
    expect(reversed.body.details[0]).toEqual({ field: 'end', message: 'must not be before start' });
  });
});
