import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { V3_TRACE_EXAMPLE } from '../../../src/core/bias/bias.examples';
import { ManualClock } from '../../../src/core/clock';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, signedPost, waitForStatus } from './pipeline-helpers';

/**
 * Scenario fixtures of the decision pipeline (test/fixtures/decisions/*.json): one alert through enrichment, the
 * engines, the risk gates and order creation, with the market, bias, book and flags the fixture describes.
 */
export interface DecisionScenario {
  name: string;
  description: string;
  /** Why the scenario matters: the spec section or rule it pins. */
  source: string;
  /** The platform clock (ManualClock) while the alert is processed. */
  clock: string;
  /** Environment on top of SCENARIO_BASE_ENV. */
  env?: Record<string, string>;
  market: ScenarioMarket;
  /** A V3 bias snapshot posted to /api/webhooks/mtf-bias before the alert; null: no bias state. */
  bias: ScenarioBias | null;
  /** Rows inserted into `positions` before the alert (defaults: engine A, open, entered an hour before the clock). */
  positions?: ScenarioPosition[];
  /** Rows inserted into `orders` before the alert (open intent, pending_execution unless given). */
  orders?: ScenarioOrder[];
  /** `feature_flags` rows set before the alert (the database row wins over the environment). */
  flags?: Record<string, boolean>;
  /** The raw alert body posted (signed) to POST /webhook. */
  alert: Record<string, unknown>;
  expect: ScenarioExpectation;
}

export interface ScenarioMarket {
  /** Underlying symbol the market data is pushed for (the alert may name another: no data for it). */
  symbol: string;
  /** Underlying price pushed to /api/webhooks/price (bid/ask +-0.01); null: nothing pushed. */
  price: number | null;
  chain: ScenarioChain | null;
  flow: ScenarioFlow | null;
}

/**
 * A one-expiration chain. Call mid = max(0.5, callAtm.mid + (callAtm.strike - strike) x step), put mid = max(0.5,
 * putAtm.mid + (strike - putAtm.strike) x step); bid/ask = mid -+ 0.01. Open interest sets the dealers' gamma sign:
 * call-heavy is long gamma, put-heavy short gamma.
 */
export interface ScenarioChain {
  expiration: string;
  strikes: number[];
  callOpenInterest: number;
  putOpenInterest: number;
  callAtm: { strike: number; mid: number };
  putAtm: { strike: number; mid: number };
  step: number;
}

/** Bought calls (bullish) at the highest strike and bought puts (bearish) at the lowest, each print 500 000 premium. */
export interface ScenarioFlow {
  bullishPrints: number;
  bearishPrints: number;
}

export interface ScenarioBias {
  /** The snapshot's bar time (event_ts_ms and bar.time_ms). */
  at: string;
  /** "trace": the spec trace's bullish snapshot (V3_TRACE_EXAMPLE); or a full V3 payload. */
  payload: 'trace' | Record<string, unknown>;
}

export interface ScenarioPosition {
  symbol: string;
  optionSymbol: string;
  strike: number;
  expiration: string;
  type: 'call' | 'put';
  direction: 'long' | 'short';
  quantity: number;
  entryPrice: number;
  currentPrice?: number;
  engine?: 'A' | 'B';
  status?: 'open' | 'closing';
  entryTimestamp?: string;
}

export interface ScenarioOrder {
  symbol: string;
  optionSymbol: string;
  strike: number;
  expiration: string;
  type: 'call' | 'put';
  quantity: number;
  engine?: 'A' | 'B';
}

export interface ScenarioExpectation {
  status: 'approved' | 'rejected';
  rejection_reason: string | null;
  /** The orders written for this signal; [] when none. */
  orders: { engine: string; option_symbol: string; quantity: number }[];
  /** A precondition on the scripted market: the enrichment's dealer position. */
  dealer_position?: 'long_gamma' | 'short_gamma' | 'neutral';
  /** A substring of Engine A's sizing step (e.g. "base=10 -> gamma=6 -> bias=4"). */
  sizing?: string;
  /** The seeded orders afterwards, in fixture order. */
  seeded_orders?: { option_symbol: string; status: string; failure_reason: string | null }[];
  /** Exit alerts: the option symbols of the positions the close recommendation names. */
  close_positions?: string[];
}

/** Every scenario runs with these (the spec trace's setting: ATM strikes, no confluence sizing), then its own env. */
export const SCENARIO_BASE_ENV: Readonly<Record<string, string>> = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
};

export function loadScenarios(dir: string): { file: string; scenario: DecisionScenario }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, scenario: JSON.parse(readFileSync(join(dir, file), 'utf8')) as DecisionScenario }));
}

/**
 * Runs one scenario on its own app (own database, own Redis prefix, own clock): the bias cache, the pushed market
 * data and the queues all live under the deployment prefix, so a fresh app is the only clean reset, and it boots in
 * about a second from the migrated template database.
 */
export async function runScenario(scenario: DecisionScenario): Promise<void> {
  const t = await startTestApp({
    clock: new ManualClock(scenario.clock),
    env: { ...SCENARIO_BASE_ENV, ...scenario.env },
  });
  try {
    await scriptMarket(t.url, scenario.market, scenario.clock);
    if (scenario.bias) {
      await postBias(t.url, scenario.market.symbol, scenario.bias);
    }
    await seedBook(t.dataSource, scenario);
    const seededOrderIds = await seedOrders(t.dataSource, scenario.orders ?? [], scenario.clock);

    const res = await signedPost(t.url, '/webhook', scenario.alert);
    expect(res.status).toBe(200);
    const signalId: string = res.body.signal_id;
    const signal = await waitForStatus(t.dataSource, signalId, ['approved', 'rejected']);
    const expected = scenario.expect;
    expect({ status: signal.status, rejection_reason: signal.rejection_reason }).toEqual({
      status: expected.status,
      rejection_reason: expected.rejection_reason,
    });

    const ordersOf = () =>
      t.dataSource.query<{ engine: string; option_symbol: string; quantity: number }[]>(
        'SELECT engine, option_symbol, quantity FROM orders WHERE signal_id = $1 ORDER BY engine',
        [signalId],
      );
    // An exit alert's closing orders follow the decision's commit.
    const orders =
      expected.orders.length > 0
        ? await eventually(async () => {
            const rows = await ordersOf();
            return rows.length >= expected.orders.length && rows;
          })
        : await ordersOf();
    expect(orders).toEqual(expected.orders);

    if (expected.dealer_position) {
      const [row] = await t.dataSource.query<{ dealer: string | null }[]>(
        `SELECT enriched_data->'gex'->>'dealerPosition' AS dealer FROM signal_enrichments WHERE signal_id = $1`,
        [signalId],
      );
      expect(row?.dealer).toBe(expected.dealer_position);
    }

    const explained = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
    expect(explained.status).toBe(200);
    if (expected.sizing) {
      const engineA = (explained.body.engines as { engine: string; steps: { step: string; detail: string }[] }[]).find(
        (e) => e.engine === 'A',
      );
      const sizing = engineA?.steps.find((s) => s.step === 'sizing');
      expect(sizing?.detail).toContain(expected.sizing);
    }

    if (expected.seeded_orders) {
      const rows = await t.dataSource.query<
        { order_id: string; option_symbol: string; status: string; failure_reason: string | null }[]
      >('SELECT order_id, option_symbol, status, failure_reason FROM orders WHERE order_id = ANY($1::uuid[])', [
        seededOrderIds,
      ]);
      const byId = new Map(rows.map((row) => [row.order_id, row]));
      expect(
        seededOrderIds.map((id) => {
          const row = byId.get(id);
          return { option_symbol: row?.option_symbol, status: row?.status, failure_reason: row?.failure_reason };
        }),
      ).toEqual(expected.seeded_orders);
    }

    if (expected.close_positions) {
      const rows = await t.dataSource.query<{ option_symbol: string }[]>(
        `SELECT p->>'optionSymbol' AS option_symbol
           FROM decision_recommendations r, jsonb_array_elements(r.rationale->'positions') p
          WHERE r.signal_id = $1 AND r.rationale->>'kind' = 'close'
          ORDER BY 1`,
        [signalId],
      );
      expect(rows.map((row) => row.option_symbol)).toEqual([...expected.close_positions].sort());
    }
  } finally {
    await t.close();
    await t.dropDatabase();
  }
}

async function scriptMarket(url: string, market: ScenarioMarket, at: string): Promise<void> {
  const { symbol } = market;
  if (market.price !== null) {
    const price = market.price;
    const res = await signedPost(url, '/api/webhooks/price', {
      symbol,
      price,
      bid: round(price - 0.01),
      ask: round(price + 0.01),
      timestamp: at,
    });
    expect(res.status).toBe(200);
  }
  const chain = market.chain;
  if (chain) {
    const contracts = chain.strikes.flatMap((strike) => {
      const call = Math.max(0.5, chain.callAtm.mid + (chain.callAtm.strike - strike) * chain.step);
      const put = Math.max(0.5, chain.putAtm.mid + (strike - chain.putAtm.strike) * chain.step);
      return [
        contract(occ(symbol, chain.expiration, 'C', strike), call, chain.callOpenInterest, 0.16),
        contract(occ(symbol, chain.expiration, 'P', strike), put, chain.putOpenInterest, 0.17),
      ];
    });
    const res = await signedPost(url, '/api/webhooks/chain', {
      symbol,
      timestamp: at,
      underlying_price: market.price,
      contracts,
    });
    expect(res.status).toBe(200);
  }
  if (market.flow) {
    if (!chain) {
      throw new Error('a scenario flow needs a chain (its prints are on the chain strikes)');
    }
    const top = Math.max(...chain.strikes);
    const bottom = Math.min(...chain.strikes);
    const print = (optionSymbol: string) => ({
      option_symbol: optionSymbol,
      side: 'buy',
      size: 1_000,
      price: 5,
      premium: 500_000,
    });
    const entries = [
      ...Array.from({ length: market.flow.bullishPrints }, () => print(occ(symbol, chain.expiration, 'C', top))),
      ...Array.from({ length: market.flow.bearishPrints }, () => print(occ(symbol, chain.expiration, 'P', bottom))),
    ];
    const res = await signedPost(url, '/api/webhooks/flow', { symbol, timestamp: at, entries });
    expect(res.status).toBe(200);
  }
}

async function postBias(url: string, symbol: string, bias: ScenarioBias): Promise<void> {
  const ms = Date.parse(bias.at);
  const payload = bias.payload === 'trace' ? V3_TRACE_EXAMPLE : bias.payload;
  const body = {
    ...payload,
    symbol,
    event_ts_ms: ms,
    event_id_raw: `${symbol}-5-${ms}`,
    bar: { ...(payload.bar as object), time_ms: ms },
  };
  const res = await signedPost(url, '/api/webhooks/mtf-bias', body);
  expect(res.status).toBeLessThan(300);
}

async function seedBook(dataSource: DataSource, scenario: DecisionScenario): Promise<void> {
  for (const [name, enabled] of Object.entries(scenario.flags ?? {})) {
    await dataSource.query(
      `INSERT INTO feature_flags (name, enabled, updated_by) VALUES ($1, $2, 'scenario')
       ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = 'scenario'`,
      [name, enabled],
    );
  }
  const hourBefore = new Date(Date.parse(scenario.clock) - 3_600_000).toISOString();
  for (const p of scenario.positions ?? []) {
    const current = p.currentPrice ?? p.entryPrice;
    await dataSource.query(
      `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                              current_price, unrealized_pnl, status, entry_timestamp, engine, last_updated)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12)`,
      [
        p.symbol,
        p.optionSymbol,
        p.strike,
        p.expiration,
        p.type,
        p.direction,
        p.quantity,
        p.entryPrice,
        current,
        round((current - p.entryPrice) * p.quantity * 100),
        p.status ?? 'open',
        p.entryTimestamp ?? hourBefore,
        p.engine ?? 'A',
      ],
    );
  }
}

async function seedOrders(dataSource: DataSource, orders: ScenarioOrder[], at: string): Promise<string[]> {
  const ids: string[] = [];
  for (const o of orders) {
    const [row] = await dataSource.query<{ order_id: string }[]>(
      `INSERT INTO orders (symbol, option_symbol, strike, expiration, type, quantity, engine, intent, status,
                           order_type, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', 'pending_execution', 'paper', $8, $8)
       RETURNING order_id`,
      [o.symbol, o.optionSymbol, o.strike, o.expiration, o.type, o.quantity, o.engine ?? 'A', at],
    );
    ids.push(row.order_id);
  }
  return ids;
}

/** OCC symbol: SPY260220C00596000. */
function occ(symbol: string, expiration: string, right: 'C' | 'P', strike: number): string {
  const yymmdd = expiration.slice(2).replace(/-/g, '');
  return `${symbol}${yymmdd}${right}${String(Math.round(strike * 1000)).padStart(8, '0')}`;
}

function contract(optionSymbol: string, mid: number, openInterest: number, iv: number) {
  return {
    option_symbol: optionSymbol,
    bid: round(mid - 0.01),
    ask: round(mid + 0.01),
    iv,
    open_interest: openInterest,
    volume: Math.round(openInterest / 4),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
