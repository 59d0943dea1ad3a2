import { Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import type { AgentDescriptor, AgentOutput } from '../../../src/core/agents';
import { ManualClock } from '../../../src/core/clock';
import { EngineBAgent, EngineBAgentProvider } from '../../../src/decision/engine-b/engine-b-agent.decorator';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  scriptSpyMarket,
  signedPost,
  waitForStatus,
} from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: markets open. */
const NOW = '2026-02-13T15:30:00.000Z';
/** 95 minutes later: the call is marked past the 50 % profit target. */
const LATER = '2026-02-13T17:05:00.000Z';
/** The ATM call of the scripted chain: 3.44 / 3.46, mid 3.45 (FILL_MODEL mid). */
const CALL = 'SPY260220C00596000';

/** A bullish specialist at 90: with the agents that vote on the webhook provider's data, B approves. */
@Injectable()
@EngineBAgent()
class AlwaysBullAgent implements EngineBAgentProvider {
  readonly descriptor: AgentDescriptor = {
    name: 'always-bull',
    type: 'specialist',
    featureFlag: null,
    confidenceBounds: { min: 0, max: 100 },
  };

  run(): AgentOutput {
    return { agent: 'always-bull', type: 'specialist', bias: 'bullish', confidence: 90, reasons: ['always'] };
  }
}

@Module({ providers: [AlwaysBullAgent] })
class AlwaysBullModule {}

interface ShadowRow {
  shadow_position_id: string;
  engine: string;
  option_symbol: string;
  quantity: number;
  entry_price: string;
  status: string;
  realized_pnl: string | null;
  exit_reason: string | null;
  trade_quantity: number;
  trade_entry_price: string;
  contributing_agents: string[];
}

interface Cell {
  engine: string;
  source: string;
  trades: number;
  wins: number;
  totalPnl: number;
}

describe('shadow execution of Engine B (real PostgreSQL and Redis)', () => {
  let t: Started;
  let signalId: string;
  let positionId: string;
  let shadow: ShadowRow;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        MARKET_DATA_QUOTE_TTL_MS: '0',
        STRIKE_SELECTION_MODE: 'atm',
        ENABLE_CONFLUENCE_SIZING: 'false',
        ENABLE_VARIANT_B: 'true',
        ENABLE_SHADOW_EXECUTION: 'true',
        AB_SPLIT_PERCENTAGE: '0',
      },
      extraModules: [AlwaysBullModule],
    });
    await scriptSpyMarket(t.url, NOW);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  it('trades Engine A for real and Engine B in the shadow book only', async () => {
    const res = await postTraceSignal(t.url, NOW);
    expect(res.status).toBe(200);
    signalId = res.body.signal_id as string;
    expect(await waitForStatus(t.dataSource, signalId, ['approved', 'rejected'])).toMatchObject({
      status: 'approved',
    });

    const position = await eventually(async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT position_id, engine, option_symbol, quantity, entry_price, status FROM positions WHERE signal_id = $1`,
        [signalId],
      );
      return row;
    });
    expect(position).toMatchObject({ engine: 'A', option_symbol: CALL, quantity: 9, entry_price: '3.4500' });
    positionId = position.position_id as string;

    shadow = await eventually(async () => {
      const [row] = await t.dataSource.query<ShadowRow[]>(
        `SELECT s.shadow_position_id, s.engine, s.option_symbol, s.quantity, s.entry_price, s.status, s.realized_pnl,
                s.exit_reason, st.quantity AS trade_quantity, st.entry_price AS trade_entry_price,
                st.contributing_agents
           FROM shadow_positions s JOIN shadow_trades st ON st.shadow_trade_id = s.shadow_trade_id
          WHERE s.signal_id = $1`,
        [signalId],
      );
      return row;
    });
    const [recB] = await t.dataSource.query<{ quantity: number; is_shadow: boolean }[]>(
      `SELECT quantity, is_shadow FROM decision_recommendations WHERE signal_id = $1 AND engine = 'B'`,
      [signalId],
    );
    expect(recB.is_shadow).toBe(true);
    expect(recB.quantity).toBeGreaterThan(0);
    expect(shadow).toMatchObject({
      engine: 'B',
      option_symbol: CALL,
      quantity: recB.quantity,
      trade_quantity: recB.quantity,
      // The same fill model as the real book: the mid.
      entry_price: '3.4500',
      trade_entry_price: '3.4500',
      status: 'open',
    });
    expect(shadow.contributing_agents).toContain('always-bull');

    const orders = await t.dataSource.query<{ engine: string; intent: string }[]>(
      `SELECT engine, intent FROM orders WHERE signal_id = $1 OR position_id = $2`,
      [signalId, positionId],
    );
    expect(orders).toEqual([{ engine: 'A', intent: 'open' }]);
    const shadowTrades = await t.dataSource.query<unknown[]>('SELECT 1 FROM shadow_trades WHERE engine = $1', ['A']);
    expect(shadowTrades).toEqual([]);
  });

  it('closes the shadow position past the profit target with exact realized P&L, captured as source shadow', async () => {
    t.clock.set(LATER);
    // The call at 5.19 / 5.21, mid 5.20: (5.20 - 3.45) / 3.45 = +50.72 % >= 50 %.
    const contracts = [
      { option_symbol: CALL, bid: 5.19, ask: 5.21, iv: 0.16, open_interest: 40_000, volume: 9_000 },
      { option_symbol: 'SPY260220P00596000', bid: 2.0, ask: 2.02, iv: 0.17, open_interest: 5_000, volume: 3_000 },
    ];
    const chain = await signedPost(t.url, '/api/webhooks/chain', {
      symbol: 'SPY',
      timestamp: LATER,
      underlying_price: 597.9,
      contracts,
    });
    expect(chain.status).toBe(200);

    const closed = await eventually(async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT status, realized_pnl, exit_reason, current_price, exit_timestamp FROM shadow_positions
          WHERE shadow_position_id = $1`,
        [shadow.shadow_position_id],
      );
      return row.status === 'closed' ? row : undefined;
    });
    const expectedCents = (520 - 345) * shadow.quantity * 100;
    expect(closed).toEqual({
      status: 'closed',
      realized_pnl: (expectedCents / 100).toFixed(2),
      exit_reason: 'profit_target',
      current_price: '5.2000',
      exit_timestamp: new Date(LATER),
    });

    const outcome = await eventually(async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT source, pnl_percent::float8 AS pnl_percent, exit_reason_codes, direction, symbol
           FROM bias_trade_performance WHERE position_id = $1`,
        [shadow.shadow_position_id],
      );
      return row;
    });
    // 175 / 345 = 50.7246 %
    expect(outcome).toEqual({
      source: 'shadow',
      pnl_percent: 50.7246,
      exit_reason_codes: ['profit_target'],
      direction: 'long',
      symbol: 'SPY',
    });
    // Still no real order for B: the shadow exit is booked in the shadow book only.
    const bOrders = await t.dataSource.query<unknown[]>(`SELECT 1 FROM orders WHERE engine = 'B'`);
    expect(bOrders).toEqual([]);
  });

  it('shows A live and B shadow side by side on /analytics/engines, paired once both closed', async () => {
    // The real A position hits the same target and closes at the mid 5.20: (5.20 - 3.45) x 9 x 100 = 1575.00.
    await eventually(async () => {
      const [row] = await t.dataSource.query<{ status: string }[]>(
        'SELECT status FROM positions WHERE position_id = $1',
        [positionId],
      );
      return row.status === 'closed';
    }, 15_000);
    const [real] = await t.dataSource.query<{ realized_pnl: string }[]>(
      'SELECT realized_pnl FROM positions WHERE position_id = $1',
      [positionId],
    );
    expect(real.realized_pnl).toBe('1575.00');

    const res = await request(t.url).get('/analytics/engines').set(t.auth);
    expect(res.status).toBe(200);
    const cells = Object.fromEntries((res.body.cells as Cell[]).map((c) => [`${c.engine}/${c.source}`, c]));
    const shadowPnl = (520 - 345) * shadow.quantity;
    expect(cells['A/live']).toMatchObject({ trades: 1, wins: 1, total_pnl: 1575 });
    expect(cells['B/shadow']).toMatchObject({ trades: 1, wins: 1, total_pnl: shadowPnl });
    expect(cells['A/shadow']).toMatchObject({ trades: 0 });
    expect(cells['B/live']).toMatchObject({ trades: 0 });
    expect(res.body.paired).toMatchObject({
      pairs: 1,
      mean_pnl_difference: shadowPnl - 1575,
      b_better: shadowPnl > 1575 ? 1 : 0,
      a_better: shadowPnl < 1575 ? 1 : 0,
      ties: shadowPnl === 1575 ? 1 : 0,
      sign_test_p_value: 1,
    });
  });
});
