import type { ExecutionPolicy } from './execution-policy';
import type { Engine } from './experiment.types';

export interface PolicyApplication {
  isShadow: boolean;
  reason: 'shadow_only' | 'engine_executes' | 'engine_not_executed';
}

/**
 * Spec section 4 step 8: SHADOW_ONLY → shadow for all; ENGINE_A_PRIMARY → B is shadow; ENGINE_B_PRIMARY → A is shadow.
 * Generalised: a recommendation is real exactly when its engine is in `executedEngines` (so dual paper trading and
 * SPLIT_CAPITAL make both real).
 */
export function applyPolicyToRecommendation(policy: ExecutionPolicy, engine: Engine): PolicyApplication {
  if (policy.executionMode === 'SHADOW_ONLY') {
    return { isShadow: true, reason: 'shadow_only' };
  }
  return policy.executedEngines.includes(engine)
    ? { isShadow: false, reason: 'engine_executes' }
    : { isShadow: true, reason: 'engine_not_executed' };
}
