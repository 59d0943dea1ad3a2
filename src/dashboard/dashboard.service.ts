import { Inject, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import type { Engine } from '../database/entities/domain.types';
import { DashboardRepository, Window } from './dashboard.repository';
import type { DashboardMetricsDto, PortfolioMetricsDto } from './dto/dashboard.dto';

const ENGINES: readonly Engine[] = ['A', 'B'];

interface Tally {
  realized: Decimal;
  unrealized: Decimal;
  wins: number;
  losses: number;
  scratches: number;
  closed: number;
  fills: number;
  open: number;
}

function emptyTally(): Tally {
  return {
    realized: new Decimal(0),
    unrealized: new Decimal(0),
    wins: 0,
    losses: 0,
    scratches: 0,
    closed: 0,
    fills: 0,
    open: 0,
  };
}

function add(a: Tally, b: Tally): Tally {
  return {
    realized: a.realized.plus(b.realized),
    unrealized: a.unrealized.plus(b.unrealized),
    wins: a.wins + b.wins,
    losses: a.losses + b.losses,
    scratches: a.scratches + b.scratches,
    closed: a.closed + b.closed,
    fills: a.fills + b.fills,
    open: a.open + b.open,
  };
}

/** Win rate as the feedback analyzer defines it: wins / trades x 100 (scratches in the denominator), 2 decimals. */
export function winRate(wins: number, trades: number): number | null {
  return trades === 0 ? null : new Decimal(wins).times(100).div(trades).toDecimalPlaces(2).toNumber();
}

function view(t: Tally): PortfolioMetricsDto {
  return {
    realized_pnl: t.realized.toFixed(2),
    unrealized_pnl: t.unrealized.toFixed(2),
    total_pnl: t.realized.plus(t.unrealized).toFixed(2),
    win_rate: winRate(t.wins, t.closed),
    wins: t.wins,
    losses: t.losses,
    scratches: t.scratches,
    closed_trades: t.closed,
    fills: t.fills,
    open_positions: t.open,
  };
}

/** The portfolio overview: three aggregate queries by engine, summed with decimal.js. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async metrics(window: Window): Promise<DashboardMetricsDto> {
    const asOf = this.clock.now();
    const [fills, closed, open] = await Promise.all([
      this.repository.fills(window),
      this.repository.closed(window),
      this.repository.open(),
    ]);
    const byEngine = new Map<Engine, Tally>(ENGINES.map((e) => [e, emptyTally()]));
    const tally = (engine: Engine): Tally => {
      let t = byEngine.get(engine);
      if (!t) {
        t = emptyTally();
        byEngine.set(engine, t);
      }
      return t;
    };
    for (const row of fills) {
      const t = tally(row.engine);
      t.realized = t.realized.plus(row.realized_pnl);
      t.fills += row.fills;
    }
    for (const row of closed) {
      const t = tally(row.engine);
      t.closed += row.closed_trades;
      t.wins += row.wins;
      t.losses += row.losses;
      t.scratches += row.scratches;
    }
    for (const row of open) {
      const t = tally(row.engine);
      t.unrealized = t.unrealized.plus(row.unrealized_pnl);
      t.open += row.open_positions;
    }
    const total = [...byEngine.values()].reduce(add, emptyTally());
    return {
      as_of: asOf.toISOString(),
      from: window.from ? window.from.toISOString() : null,
      to: window.to ? window.to.toISOString() : null,
      ...view(total),
      engines: { A: view(tally('A')), B: view(tally('B')) },
    };
  }
}
