/** The two decision engines: A is rule-based (spec section 5), B the multi-agent engine (section 6). */
export type Engine = 'A' | 'B';

/** EXECUTION_MODE as configured: `auto` resolves to one of the concrete modes per signal. */
export type ConfiguredExecutionMode = 'auto' | ConcreteExecutionMode;

export type ConcreteExecutionMode = 'ENGINE_A_PRIMARY' | 'ENGINE_B_PRIMARY' | 'SHADOW_ONLY' | 'SPLIT_CAPITAL';

/** Only PAPER trades; anything else resolves to SHADOW_ONLY (spec section 4 step 5). */
export type AppMode = 'PAPER' | 'LIVE';

export interface CapitalShare {
  /** Fraction of the capital and exposure limits (0..1) this engine sizes against. */
  A: number;
  B: number;
}
