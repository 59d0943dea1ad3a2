import { Injectable } from '@nestjs/common';
import { REGIMES } from '../core/bias';
import { DEFAULT_ENTRY_DECISION_CONFIG } from '../core/engine-a';
import { HARD_FLOOR_KEY, regimeKey, SOFT_FLOOR_KEY, type TunableParameters } from '../core/feedback';
import { FeedbackRepository } from './feedback.repository';

/**
 * The parameters the adaptive tuner moves, as the engines read them: the latest value of each key in
 * bias_adaptive_config_history, else the defaults (the entry rules' confidence floors; regime multiplier 1). Engine A
 * reads the floors for its entry rules and multiplies its bias risk multiplier by the regime's.
 */
@Injectable()
export class TunedParameters {
  constructor(private readonly repository: FeedbackRepository) {}

  async current(): Promise<TunableParameters> {
    const values = await this.repository.tunedValues();
    // Every regime is tracked from the start at 1 (neutral), so the tuner can move it once it has the samples.
    const regimeRiskMultipliers: Record<string, number> = Object.fromEntries(REGIMES.map((r) => [r, 1]));
    const prefix = regimeKey('');
    for (const [key, value] of Object.entries(values)) {
      if (key.startsWith(prefix)) {
        regimeRiskMultipliers[key.slice(prefix.length)] = value;
      }
    }
    return {
      confidenceHardFloor: values[HARD_FLOOR_KEY] ?? DEFAULT_ENTRY_DECISION_CONFIG.confidenceHardFloor,
      confidenceSoftFloor: values[SOFT_FLOOR_KEY] ?? DEFAULT_ENTRY_DECISION_CONFIG.confidenceSoftFloor,
      regimeRiskMultipliers,
    };
  }
}
