/** The BiasConfig (thresholds of the pure core); defaults: DEFAULT_BIAS_CONFIG. */
export const BIAS_CONFIG = Symbol('BIAS_CONFIG');
/** The bias module's own Redis connection (cache of states and recent events). */
export const BIAS_REDIS = Symbol('BIAS_REDIS');
