import type { DomainEventPayloads, DomainEvents } from '../common/events/domain-events';
import { ManualClock } from '../core/clock';
import type { RiskSnapshotRepository, RiskSnapshotRow } from './risk-snapshot.repository';
import { MARK_SNAPSHOT_INTERVAL_MS, RiskSnapshotService } from './risk-snapshot.service';

const ROW: RiskSnapshotRow = {
  open_positions: 1,
  exposure: '3168.00',
  unrealized_pnl: '0.00',
  realized_pnl_today: '0.00',
  kill_switch: false,
};

function setup() {
  const clock = new ManualClock('2026-02-13T15:30:00.000Z');
  const loads: Date[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const repository = {
    load: async (dayStart: Date) => {
      loads.push(dayStart);
      if (hold) {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      return ROW;
    },
  } as unknown as RiskSnapshotRepository;
  const emitted: DomainEventPayloads['risk.snapshot'][] = [];
  const events = { emit: (_name: string, payload: DomainEventPayloads['risk.snapshot']) => emitted.push(payload) };
  const service = new RiskSnapshotService(repository, events as unknown as DomainEvents, clock);
  return {
    clock,
    service,
    loads,
    emitted,
    holdLoads: () => {
      hold = true;
    },
    releaseLoad: () => {
      hold = false;
      release?.();
    },
  };
}

describe('RiskSnapshotService', () => {
  it('publishes after a position opens, with today starting at midnight New York', async () => {
    const { service, loads, emitted } = setup();
    service.onOpened();
    await service.idle();
    expect(loads).toEqual([new Date('2026-02-13T05:00:00.000Z')]);
    expect(emitted).toEqual([
      {
        openPositions: 1,
        exposure: '3168.00',
        unrealizedPnl: '0.00',
        realizedPnlToday: '0.00',
        killSwitch: false,
        at: '2026-02-13T15:30:00.000Z',
      },
    ]);
  });

  it('refreshes on marks at most once per interval of clock time', async () => {
    const { service, clock, emitted } = setup();
    service.onMarked();
    await service.idle();
    service.onMarked();
    clock.advance(MARK_SNAPSHOT_INTERVAL_MS - 1);
    service.onMarked();
    await service.idle();
    expect(emitted).toHaveLength(1);
    clock.advance(1);
    service.onMarked();
    await service.idle();
    expect(emitted).toHaveLength(2);
  });

  it('runs one more query when changes arrive during one, never two at once', async () => {
    const { service, loads, emitted, holdLoads, releaseLoad } = setup();
    holdLoads();
    service.onOpened();
    service.onClosed();
    service.onKillSwitch();
    expect(loads).toHaveLength(1);
    releaseLoad();
    await service.idle();
    expect(loads).toHaveLength(2);
    expect(emitted).toHaveLength(2);
  });

  it('stops after shutdown', async () => {
    const { service, loads } = setup();
    await service.onModuleDestroy();
    service.onOpened();
    await service.idle();
    expect(loads).toEqual([]);
  });
});
