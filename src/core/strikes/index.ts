export { atmListedStrike, atmStrike, strikeIncrementFor } from './atm-strike';
export { deltaFit, scoreContract } from './contract-score';
export { deltaTierFor } from './delta-tier';
export { DEFAULT_STRIKE_CONFIG, SPEC_DELTA_TIERS, strikeConfig, validateStrikeConfig } from './strike.config';
export { DEFAULT_STRIKE_DEPS, deltaFromIv } from './strike.deps';
export { defaultDteBand, selectStrike } from './strike.selector';
export * from './strike.types';
