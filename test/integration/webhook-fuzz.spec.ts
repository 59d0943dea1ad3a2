import fc from 'fast-check';
import request from 'supertest';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'text/html',
];

/** Bodies of every shape: arbitrary JSON values, alert-like objects with odd values, and arbitrary text. */
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        symbol: fc.oneof(fc.string(), fc.constantFrom('SPY', 'AMEX:SPY', '{{ticker}}', ''), fc.integer()),
        direction: fc.oneof(fc.string(), fc.constantFrom('long', 'short', 'buy', 'sell', 'exit', 'closelong', 'flat')),
        timeframe: fc.oneof(fc.string(), fc.constantFrom('5', '1H', 'D', 'M', '1S', '{{interval}}'), fc.integer()),
        timestamp: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null)),
        price: fc.oneof(fc.string(), fc.double(), fc.constant(null)),
        meta: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom('symbol=SPY', 'action=buy', 'tf=5', ',', ';', '|', '\n', '=', '{', '}', '"', "'", 'SPY', 'sell'),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

describe('no body of any shape or content type gets a 500', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('answers every request with 200, 400 or 413 and a reason when refused', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...CONTENT_TYPES), async (text, contentType) => {
        const res = await request(t.url)
          .post('/webhook')
          .set('Content-Type', contentType)
          .send(Buffer.from(text, 'utf8'));
        expect([200, 400, 413]).toContain(res.status);
        if (res.status !== 200) {
          expect(typeof res.body.reason_code).toBe('string');
        }
      }),
      { numRuns: 250, seed: 20260217 },
    );
    // The process is still serving.
    expect((await request(t.url).get('/health/live')).status).toBe(200);
  });
});
