import { DataSource, DeepPartial, QueryFailedError } from 'typeorm';
import {
  ENTITIES,
  ExitRule,
  Experiment,
  FeatureFlag,
  Order,
  Position,
  RiskLimit,
  Signal,
  Trade,
  WebhookEvent,
} from '../../src/database/entities';
import { buildDataSourceOptions, ensureDatabaseExists } from '../../src/database/typeorm-options';
import { databaseUrl, dropDatabase, uniqueName } from '../setup/test-database';

/**
 * The migrations against the real PostgreSQL of this machine, in a database of their own: every table, the
 * constraints that make duplicates impossible, the seeds, and down-then-up.
 */

const TABLES = [
  'agent_decisions',
  'agent_performance',
  'api_keys',
  'bias_adaptive_config_history',
  'bias_state_current',
  'bias_trade_performance',
  'decision_recommendations',
  'execution_policies',
  'exit_rules',
  'experiments',
  'feature_flag_audit',
  'feature_flags',
  'migrations',
  'orders',
  'positions',
  'risk_limits',
  'shadow_positions',
  'shadow_trades',
  'signal_dedup_keys',
  'signal_enrichments',
  'signals',
  'trades',
  'users',
  'webhook_events',
];

const SQL_ONLY_TABLES = ['api_keys', 'feature_flag_audit', 'users'];

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const NOW = new Date('2026-02-17T15:30:00.000Z');

describe('database schema (migrations)', () => {
  const name = uniqueName('schema');
  const url = databaseUrl(name);
  let ds: DataSource;

  beforeAll(async () => {
    await expect(ensureDatabaseExists(url)).resolves.toBe(true);
    ds = new DataSource(buildDataSourceOptions({ url, poolMax: 4, applicationName: 'schema-spec' }));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) {
      await ds.destroy();
    }
    await dropDatabase(name);
  });

  async function tableNames(): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  }

  async function expectViolation(promise: Promise<unknown>, code: string, constraint: string): Promise<void> {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toMatchObject({ code, constraint });
  }

  let symbolCounter = 0;
  /** A distinct ticker per call, so tests never collide on shared rows. */
  function nextSymbol(): string {
    symbolCounter += 1;
    return `T${symbolCounter}`;
  }

  function signal(overrides: DeepPartial<Signal> = {}): Promise<Signal> {
    const repo = ds.getRepository(Signal);
    return repo.save(
      repo.create({
        symbol: 'SPY',
        action: 'entry',
        direction: 'long',
        timeframe: '5m',
        timestamp: NOW,
        dedupKey: `key-${Math.random()}`,
        receivedAt: NOW,
        ...overrides,
      }),
    );
  }

  function order(overrides: DeepPartial<Order>): Promise<Order> {
    const repo = ds.getRepository(Order);
    return repo.save(
      repo.create({
        symbol: 'SPY',
        optionSymbol: 'SPY260220C00596000',
        strike: '596.00',
        expiration: '2026-02-20',
        type: 'call',
        quantity: 9,
        engine: 'A',
        ...overrides,
      }),
    );
  }

  function position(overrides: DeepPartial<Position>): Promise<Position> {
    const repo = ds.getRepository(Position);
    return repo.save(
      repo.create({
        symbol: 'SPY',
        optionSymbol: 'SPY260220C00596000',
        strike: '596.00',
        expiration: '2026-02-20',
        type: 'call',
        direction: 'long',
        quantity: 9,
        entryPrice: '3.5200',
        entryTimestamp: NOW,
        engine: 'A',
        ...overrides,
      }),
    );
  }

  it('applies the migrations in order', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual([
      'InitialSchema1795477403964',
      'SeedDefaults1795477404964',
      'SignalDedupKeys1795478000000',
      'PaperExecution1795479000000',
      'TraceIds1795480000000',
      'Auth1795481000000',
      'FeatureFlagAudit1795482000000',
    ]);
    await expect(ensureDatabaseExists(url)).resolves.toBe(false);
  });

  it('creates every table', async () => {
    expect(await tableNames()).toEqual(TABLES);
    // migrations, and the tables only their repositories' SQL touches (auth, audit) have no entity.
    expect(ENTITIES).toHaveLength(TABLES.length - 1 - SQL_ONLY_TABLES.length);
  });

  it('matches the entities exactly (the schema builder finds nothing to change)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('seeds the spec defaults', async () => {
    const limits = await ds.getRepository(RiskLimit).find();
    expect(limits).toHaveLength(1);
    expect(limits[0]).toMatchObject({
      maxPositionSize: 10,
      maxTotalExposure: '10000.00',
      maxExposurePercent: '20.00',
      maxPositionsPerSymbol: 3,
      enabled: true,
    });
    const rules = await ds.getRepository(ExitRule).find();
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      ruleName: 'default',
      profitTargetPercent: '50.00',
      stopLossPercent: '50.00',
      maxHoldTimeHours: 120,
      minDteExit: 1,
      enabled: true,
    });
    const flags = await ds.getRepository(FeatureFlag).find({ order: { name: 'ASC' } });
    expect(flags).toHaveLength(20);
    expect(flags.every((flag) => flag.updatedBy === 'migration' && (flag.description ?? '') !== '')).toBe(true);
    const byName = Object.fromEntries(flags.map((flag) => [flag.name, flag.enabled]));
    expect(byName).toMatchObject({
      enable_orchestrator: true,
      enable_variant_b: false,
      enable_mtf_bias_pipeline: true,
      require_mtf_bias_for_entry: true,
      enable_dealer_uw_gamma: false,
      close_aged_positions: false,
    });
  });

  describe('signals', () => {
    it('fills the defaults and reads NUMERIC as a decimal string', async () => {
      const saved = await signal({ price: '595.42', symbol: nextSymbol() });
      const row = await ds.getRepository(Signal).findOneByOrFail({ signalId: saved.signalId });
      expect(row).toMatchObject({
        status: 'pending',
        processed: false,
        processingAttempts: 0,
        decisionOnly: false,
        isTest: false,
        price: '595.420000',
      });
      expect(row.signalId).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.createdAt).toBeInstanceOf(Date);
    });

    it('rejects an entry without a direction', async () => {
      await expectViolation(signal({ direction: null }), CHECK_VIOLATION, 'chk_signals_entry_direction');
    });

    it('accepts an exit without a direction', async () => {
      await expect(signal({ action: 'exit', direction: null })).resolves.toBeDefined();
    });

    it('rejects an unknown status or action', async () => {
      await expectViolation(signal({ status: 'done' as Signal['status'] }), CHECK_VIOLATION, 'chk_signals_status');
      await expectViolation(signal({ action: 'buy' as Signal['action'] }), CHECK_VIOLATION, 'chk_signals_action');
    });

    it('links a signal and its experiment both ways (the circular foreign key)', async () => {
      const saved = await signal({ symbol: nextSymbol() });
      const experiments = ds.getRepository(Experiment);
      const experiment = await experiments.save(
        experiments.create({
          signalId: saved.signalId,
          variant: 'A',
          assignmentHash: 'h',
          splitPercentage: 0,
          policyVersion: 'v1.0',
        }),
      );
      await ds.getRepository(Signal).update(saved.signalId, { experimentId: experiment.experimentId });
      await expectViolation(
        experiments.save(
          experiments.create({
            signalId: saved.signalId,
            variant: 'B',
            assignmentHash: 'h',
            splitPercentage: 0,
            policyVersion: 'v1.0',
          }),
        ),
        UNIQUE_VIOLATION,
        'uq_experiments_signal',
      );
      await expectViolation(
        experiments.save(
          experiments.create({
            signalId: saved.signalId,
            variant: 'A',
            assignmentHash: 'h',
            splitPercentage: 101,
            policyVersion: 'v',
          }),
        ),
        CHECK_VIOLATION,
        'chk_experiments_split_percentage',
      );
    });
  });

  describe('webhook_events', () => {
    it('stores a forbidden request with a text body and refuses an unknown status', async () => {
      const events = ds.getRepository(WebhookEvent);
      const saved = await events.save(
        events.create({ status: 'forbidden', httpStatus: 403, rawPayload: { _text: 'buy SPY' } }),
      );
      const row = await events.findOneByOrFail({ eventId: saved.eventId });
      expect(row).toMatchObject({
        status: 'forbidden',
        httpStatus: 403,
        rawPayload: { _text: 'buy SPY' },
        isTest: false,
      });
      await expectViolation(
        events.save(events.create({ status: 'bogus' as WebhookEvent['status'] })),
        CHECK_VIOLATION,
        'chk_webhook_events_status',
      );
    });
  });

  describe('orders', () => {
    it('allows one opening order per (signal, engine, order_type)', async () => {
      const { signalId } = await signal({ symbol: nextSymbol() });
      await order({ signalId, engine: 'A' });
      await expectViolation(
        order({ signalId, engine: 'A' }),
        UNIQUE_VIOLATION,
        'uq_orders_open_per_signal_engine_type',
      );
      await expect(order({ signalId, engine: 'B' })).resolves.toBeDefined();
      await expect(order({ signalId, engine: 'A', orderType: 'live' })).resolves.toBeDefined();
    });

    it('requires a position for a closing order', async () => {
      await expectViolation(order({ intent: 'close', positionId: null }), CHECK_VIOLATION, 'chk_orders_close_position');
    });

    it('allows one live closing order per position, and another once it is filled', async () => {
      const { positionId } = await position({ optionSymbol: `${nextSymbol()}260220C00100000` });
      const first = await order({ intent: 'close', positionId });
      await expectViolation(
        order({ intent: 'close', positionId }),
        UNIQUE_VIOLATION,
        'uq_orders_live_close_per_position',
      );
      await ds.getRepository(Order).update(first.orderId, { status: 'filled' });
      await expect(order({ intent: 'close', positionId })).resolves.toBeDefined();
    });

    it('rejects a status outside the lifecycle', async () => {
      await expectViolation(order({ status: 'cancelled' as Order['status'] }), CHECK_VIOLATION, 'chk_orders_status');
    });
  });

  describe('trades', () => {
    it('records one trade per order, commission 0 by default', async () => {
      const { orderId } = await order({ signalId: null });
      const trades = ds.getRepository(Trade);
      const fill = { orderId, fillPrice: '3.5200', fillQuantity: 9, fillTimestamp: NOW, engine: 'A' as const };
      const saved = await trades.save(trades.create(fill));
      expect((await trades.findOneByOrFail({ tradeId: saved.tradeId })).commission).toBe('0.00');
      await expectViolation(trades.save(trades.create(fill)), UNIQUE_VIOLATION, 'uq_trades_order');
    });
  });

  describe('positions', () => {
    it('allows one non-closed position per (option_symbol, engine)', async () => {
      const optionSymbol = `${nextSymbol()}260220P00500000`;
      const first = await position({ optionSymbol, type: 'put', direction: 'short' });
      await expectViolation(
        position({ optionSymbol, type: 'put', status: 'closing' }),
        UNIQUE_VIOLATION,
        'uq_positions_active_option_engine',
      );
      await expect(position({ optionSymbol, type: 'put', engine: 'B' })).resolves.toBeDefined();
      await ds.getRepository(Position).update(first.positionId, { status: 'closed', realizedPnl: '1584.00' });
      await expect(position({ optionSymbol, type: 'put' })).resolves.toBeDefined();
    });

    it('rejects an unknown status', async () => {
      await expectViolation(
        position({ optionSymbol: `${nextSymbol()}X`, status: 'done' as Position['status'] }),
        CHECK_VIOLATION,
        'chk_positions_status',
      );
    });
  });

  it('reverts every migration and applies them again', async () => {
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await tableNames()).not.toContain('feature_flag_audit');
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await tableNames()).not.toContain('users');
    await ds.undoLastMigration({ transaction: 'each' });
    const orderColumns = await ds.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'`,
    );
    expect(orderColumns.map((c) => c.column_name)).not.toContain('trace_id');
    await ds.undoLastMigration({ transaction: 'each' });
    const tradeColumns = await ds.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'trades'`,
    );
    expect(tradeColumns.map((c) => c.column_name)).not.toContain('slippage');
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await tableNames()).not.toContain('signal_dedup_keys');
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await ds.getRepository(FeatureFlag).count()).toBe(0);
    expect(await ds.getRepository(RiskLimit).count()).toBe(0);
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await tableNames()).toEqual(['migrations']);

    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(7);
    expect(await tableNames()).toEqual(TABLES);
    expect(await ds.getRepository(FeatureFlag).count()).toBe(20);
    expect(await ds.getRepository(ExitRule).count()).toBe(1);
  });

  it('seeds idempotently', async () => {
    const seed = ds.migrations.find((m) => m.name === 'SeedDefaults1795477404964');
    const runner = ds.createQueryRunner();
    try {
      await seed?.up(runner);
    } finally {
      await runner.release();
    }
    expect(await ds.getRepository(FeatureFlag).count()).toBe(20);
    expect(await ds.getRepository(RiskLimit).count()).toBe(1);
    expect(await ds.getRepository(ExitRule).count()).toBe(1);
  });
});
