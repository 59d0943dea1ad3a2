import type { BiasConfig } from './bias.config';
import type { Staleness, StalenessAction, UnifiedBiasState } from './bias.types';

/**
 * Age of the state against `now`: fresh below `agingAfterMinutes` (15), aging up to `staleAfterMinutes` (60), stale
 * beyond. A state from the future (clock skew) counts as age 0.
 */
export function computeStaleness(updatedAt: string, now: Date, config: BiasConfig): Staleness {
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - new Date(updatedAt).getTime()) / 1000));
  const { agingAfterMinutes, staleAfterMinutes } = config.staleness;
  const level =
    ageSeconds > staleAfterMinutes * 60 ? 'stale' : ageSeconds >= agingAfterMinutes * 60 ? 'aging' : 'fresh';
  return { ageSeconds, stale: level === 'stale', level };
}

/** What a staleness level does to new entries: fresh allows; aging and stale follow the config (reduce, block). */
export function stalenessAction(staleness: Staleness, config: BiasConfig): StalenessAction {
  switch (staleness.level) {
    case 'fresh':
      return 'allow';
    case 'aging':
      return config.staleness.agingAction;
    case 'stale':
      return config.staleness.staleAction;
  }
}

/** The state with its staleness recomputed for `now` (what every reader shows). */
export function withStaleness(state: UnifiedBiasState, now: Date, config: BiasConfig): UnifiedBiasState {
  return { ...state, staleness: computeStaleness(state.updatedAt, now, config) };
}
