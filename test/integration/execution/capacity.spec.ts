import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { PositionMonitor } from '../../../src/positions/position-monitor.service';
import { QueueName, QueueService } from '../../../src/queues';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, scriptSpyMarket } from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York. scriptSpyMarket quotes calls at mid 3.45 + (596 - strike) x 0.5. */
const NOW = '2026-02-13T15:30:00.000Z';

async function insertPosition(
  dataSource: DataSource,
  strike: number,
  entryPrice: string,
  enteredAt: string,
): Promise<string> {
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, high_water_price, status, entry_timestamp, engine, last_updated)
     VALUES ('SPY', $1, $2, '2026-02-20', 'call', 'long', 2, $3, $3, $3, 'open', $4, 'A', $4)
     RETURNING position_id`,
    [`SPY260220C00${strike}000`, strike, entryPrice, enteredAt],
  );
  return row.position_id;
}

async function setFlag(dataSource: DataSource, name: string, enabled: boolean): Promise<void> {
  await dataSource.query(
    `INSERT INTO feature_flags (name, enabled, updated_by) VALUES ($1, $2, 'test')
     ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = 'test'`,
    [name, enabled],
  );
}

async function closeOrders(dataSource: DataSource): Promise<{ position_id: string; exit_reason: string }[]> {
  return dataSource.query(`SELECT position_id, exit_reason FROM orders WHERE intent = 'close' ORDER BY created_at`);
}

/**
 * Capacity management (AUTO_CLOSE_NEAR_TARGET, CLOSE_AGED_POSITIONS): with the book full (MAX_OPEN_POSITIONS=2), one
 * pass frees one slot, and only among positions held at least MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE (15).
 */
describe('capacity management (real PostgreSQL and Redis)', () => {
  let t: Started;
  let monitor: PositionMonitor;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        MAX_OPEN_POSITIONS: '2',
        POSITION_REFRESHER_INTERVAL: '3600000',
        OUTBOX_SWEEP_INTERVAL_MS: '3600000',
        MARKET_DATA_QUOTE_TTL_MS: '0',
      },
    });
    monitor = t.app.get(PositionMonitor);
    // The test drives the monitor itself, and the tiered exit engine (first target at +30%) stays out of the way.
    const positions = t.app.get(QueueService).queue(QueueName.Positions);
    await positions.pause();
    await eventually(async () => (await positions.getActiveCount()) === 0);
    await setFlag(t.dataSource, 'enable_exit_decision_engine', false);
    await scriptSpyMarket(t.url, NOW);
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM orders');
    await t.dataSource.query('DELETE FROM positions');
    await setFlag(t.dataSource, 'auto_close_near_target', false);
    await setFlag(t.dataSource, 'close_aged_positions', false);
  });

  it('does nothing with both flags off, even with the book full', async () => {
    await insertPosition(t.dataSource, 598, '1.70', '2026-02-13T14:30:00.000Z');
    await insertPosition(t.dataSource, 600, '1.40', '2026-02-13T14:30:00.000Z');
    expect((await monitor.markAndEvaluate('SPY')).exits).toEqual([]);
    expect(await closeOrders(t.dataSource)).toEqual([]);
  });

  it('AUTO_CLOSE_NEAR_TARGET closes the position within 10 points of its target (598 call: 1.70 -> 2.45, +44%)', async () => {
    await setFlag(t.dataSource, 'auto_close_near_target', true);
    const near = await insertPosition(t.dataSource, 598, '1.70', '2026-02-13T14:30:00.000Z');
    await insertPosition(t.dataSource, 600, '1.40', '2026-02-13T14:30:00.000Z');
    const result = await monitor.markAndEvaluate('SPY');
    expect(result.exits).toEqual([{ positionId: near, code: 'capacity_near_target', quantity: 2, outcome: 'closing' }]);
    expect(await closeOrders(t.dataSource)).toEqual([{ position_id: near, exit_reason: 'capacity_near_target' }]);
  });

  it('leaves a full book alone when the near-target position was opened less than 15 minutes ago', async () => {
    await setFlag(t.dataSource, 'auto_close_near_target', true);
    await insertPosition(t.dataSource, 598, '1.70', '2026-02-13T15:20:00.000Z');
    await insertPosition(t.dataSource, 600, '1.40', '2026-02-13T14:30:00.000Z');
    expect((await monitor.markAndEvaluate('SPY')).exits).toEqual([]);
  });

  it('does nothing below capacity', async () => {
    await setFlag(t.dataSource, 'auto_close_near_target', true);
    await insertPosition(t.dataSource, 598, '1.70', '2026-02-13T14:30:00.000Z');
    expect((await monitor.markAndEvaluate('SPY')).exits).toEqual([]);
  });

  it('CLOSE_AGED_POSITIONS closes the oldest position held half its max hold time (60 h) or more', async () => {
    await setFlag(t.dataSource, 'close_aged_positions', true);
    const oldest = await insertPosition(t.dataSource, 600, '1.40', '2026-02-10T15:00:00.000Z');
    await insertPosition(t.dataSource, 598, '2.40', '2026-02-11T15:00:00.000Z');
    const result = await monitor.markAndEvaluate('SPY');
    expect(result.exits).toEqual([{ positionId: oldest, code: 'capacity_aged', quantity: 2, outcome: 'closing' }]);
  });
});
