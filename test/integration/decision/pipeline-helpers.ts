import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { V3_TRACE_EXAMPLE } from '../../../src/core/bias/bias.examples';

export const PIPELINE_SECRET = 'pipeline-secret-0123456789';

/** The decision step alone, on the trace's market: orders stay pending_execution (no execution worker). */
export const DECISION_STEP_ENV = {
  WORKER_QUEUES: 'signals,decisions,maintenance',
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
};

/** Market data pushed by the test through the signed webhooks, never cached: what a test pushes is what is read. */
export const WEBHOOK_MARKET_ENV = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  MARKET_DATA_QUOTE_TTL_MS: '0',
  MARKET_DATA_CHAIN_TTL_MS: '0',
};

/** POST with the X-Webhook-Signature every webhook route accepts. */
export function signedPost(url: string, path: string, body: object) {
  const raw = JSON.stringify(body);
  const signature = `sha256=${createHmac('sha256', PIPELINE_SECRET).update(raw).digest('hex')}`;
  return request(url)
    .post(path)
    .set('Content-Type', 'application/json')
    .set('X-Webhook-Signature', signature)
    .send(raw);
}

/** The trace's alert (section 17): SPY long at 595.42, 5m, confidence 75, dated `at`. */
export function postTraceSignal(url: string, at: string) {
  return signedPost(url, '/webhook', {
    symbol: 'SPY',
    direction: 'long',
    timeframe: '5m',
    timestamp: at,
    price: 595.42,
    confidence: 75,
  });
}

/** Scripts the market through the webhook provider: an underlying price, a call-heavy chain (dealers long gamma) and bullish flow. */
export async function scriptSpyMarket(url: string, at: string, price = 595.42): Promise<void> {
  const post = (path: string, body: object) => signedPost(url, path, body);
  const price1 = await post('/api/webhooks/price', {
    symbol: 'SPY',
    price,
    bid: price - 0.01,
    ask: price + 0.01,
    timestamp: at,
  });
  expect(price1.status).toBe(200);
  const contracts = [];
  for (const strike of [590, 592, 594, 596, 598, 600]) {
    const call = Math.max(0.5, 3.45 + (596 - strike) * 0.5);
    const put = Math.max(0.5, 2.9 + (strike - 594) * 0.5);
    contracts.push(
      {
        option_symbol: `SPY260220C00${strike}000`,
        bid: round(call - 0.01),
        ask: round(call + 0.01),
        iv: 0.16,
        open_interest: 40_000,
        volume: 9_000,
      },
      {
        option_symbol: `SPY260220P00${strike}000`,
        bid: round(put - 0.01),
        ask: round(put + 0.01),
        iv: 0.17,
        open_interest: 5_000,
        volume: 3_000,
      },
    );
  }
  const chain = await post('/api/webhooks/chain', { symbol: 'SPY', timestamp: at, underlying_price: price, contracts });
  expect(chain.status).toBe(200);
  const entries = [];
  for (let i = 0; i < 25; i += 1) {
    entries.push({ option_symbol: 'SPY260220C00600000', side: 'buy', size: 1_000, price: 5, premium: 500_000 });
  }
  for (let i = 0; i < 16; i += 1) {
    entries.push({ option_symbol: 'SPY260220P00590000', side: 'buy', size: 1_000, price: 5, premium: 500_000 });
  }
  const flow = await post('/api/webhooks/flow', { symbol: 'SPY', timestamp: at, entries });
  expect(flow.status).toBe(200);
}

/** The trace's bias state (aligned-moderate long: risk multiplier 0.8), dated `at`. */
export async function postTraceBias(url: string, at: string): Promise<void> {
  const ms = Date.parse(at);
  const body = {
    ...V3_TRACE_EXAMPLE,
    event_ts_ms: ms,
    event_id_raw: `SPY-5-${ms}`,
    bar: { ...(V3_TRACE_EXAMPLE.bar as object), time_ms: ms },
  };
  const res = await signedPost(url, '/api/webhooks/mtf-bias', body);
  expect(res.status).toBeLessThan(300);
}

export async function waitForStatus(
  dataSource: DataSource,
  signalId: string,
  statuses: readonly string[],
  timeoutMs = 15_000,
): Promise<{ status: string; rejection_reason: string | null; decision_only: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await dataSource.query<{ status: string; rejection_reason: string | null; decision_only: boolean }[]>(
      'SELECT status, rejection_reason, decision_only FROM signals WHERE signal_id = $1',
      [signalId],
    );
    if (row && statuses.includes(row.status)) {
      return row;
    }
    if (Date.now() > deadline) {
      throw new Error(`signal ${signalId} still ${row?.status ?? 'missing'} (${row?.rejection_reason ?? ''})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Section 17's days on a trading Friday: 2026-02-13 10:30 New York (the trace's own dates fall on a weekend). */
export const TRACE_ENTRY = '2026-02-13T15:30:00.000Z';
/** 125 minutes later: the trace's exit. */
export const TRACE_EXIT = '2026-02-13T17:35:00.000Z';

/** A call-heavy SPY chain (dealers long gamma) around 596 with the 596 call quoted at bid/ask (the webhook's shape). */
export function traceChain(at: string, call596: { bid: number; ask: number }) {
  const contracts = [];
  for (const strike of [590, 592, 594, 596, 598, 600]) {
    const mid = Math.max(0.5, 3.51 + (596 - strike) * 0.5);
    const put = Math.max(0.5, 2.9 + (strike - 594) * 0.5);
    const quote = strike === 596 ? call596 : { bid: cents(mid - 0.01), ask: cents(mid + 0.01) };
    contracts.push(
      { option_symbol: `SPY260220C00${strike}000`, ...quote, iv: 0.16, open_interest: 40_000, volume: 9_000 },
      {
        option_symbol: `SPY260220P00${strike}000`,
        bid: cents(put - 0.01),
        ask: cents(put + 0.01),
        iv: 0.17,
        open_interest: 5_000,
        volume: 3_000,
      },
    );
  }
  return { symbol: 'SPY', timestamp: at, underlying_price: 595.42, contracts };
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An open one-lot QQQ call on engine B (a book for the kill switch to flatten), entered at `at`. */
export async function insertOpenQqqCall(dataSource: DataSource, strike: number, at: string): Promise<string> {
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, status, entry_timestamp, engine)
     VALUES ('QQQ', $1, $2, '2026-02-20', 'call', 'long', 1, 2, 2, 'open', $3, 'B') RETURNING position_id`,
    [`QQQ260220C00${strike}000`, strike, at],
  );
  return row.position_id;
}

/** Posts a signed alert and waits for its decision: the signal id, its status and rejection reason. */
export async function postAndDecide(
  url: string,
  dataSource: DataSource,
  body: object,
): Promise<{ signalId: string; status: string; reason: string | null }> {
  const res = await signedPost(url, '/webhook', body);
  expect(res.status).toBe(200);
  const signalId: string = res.body.signal_id;
  const row = await waitForStatus(dataSource, signalId, ['approved', 'rejected']);
  return { signalId, status: row.status, reason: row.rejection_reason };
}
