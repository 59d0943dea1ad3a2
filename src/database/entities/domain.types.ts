/** Value sets enforced by CHECK constraints (migrations/*-InitialSchema.ts). Keep both in step. */
import type { SignalAction, SignalDirection } from '../../core/signal/signal.types';

export type { SignalAction };
export type Direction = SignalDirection;

export type Engine = 'A' | 'B';
export type Variant = 'A' | 'B';
export type OptionType = 'call' | 'put';

export type SignalStatus = 'pending' | 'queued' | 'approved' | 'rejected';

export type WebhookEventStatus =
  'accepted' | 'duplicate' | 'invalid_signature' | 'invalid_payload' | 'forbidden' | 'error';

export type OrderIntent = 'open' | 'close';
export type OrderType = 'paper' | 'live';
export type OrderStatus = 'pending_execution' | 'filled' | 'failed';

export type PositionStatus = 'open' | 'closing' | 'closed';

export type ExecutionMode = 'SHADOW_ONLY' | 'ENGINE_A_PRIMARY' | 'ENGINE_B_PRIMARY' | 'SPLIT_CAPITAL';

export type AgentType = 'core' | 'specialist' | 'subagent';
export type AgentBias = 'bullish' | 'bearish' | 'neutral';

export type TradeOutcomeSource = 'live' | 'simulation' | 'shadow';
