import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DecisionGateDto {
  @ApiProperty({ example: 'max_open_positions' }) gate: string;
  @ApiProperty() pass: boolean;
  @ApiProperty({ example: 'ok' }) code: string;
  @ApiProperty() detail: string;
  @ApiProperty({ description: 'Entry-only gate not applied to an exit' }) skipped: boolean;
}

export class DecisionStepDto {
  @ApiProperty({ example: 'entry_decision' }) step: string;
  @ApiProperty() pass: boolean;
  @ApiProperty({ example: 'enter' }) code: string;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ description: "The step's own data (rule verdicts, sizing steps, guard checks)" })
  data?: unknown;
}

export class AgentVoteDto {
  @ApiProperty({ example: 'technical' }) agent: string;
  @ApiProperty({ enum: ['core', 'specialist', 'subagent'] }) type: string;
  @ApiProperty({ enum: ['bullish', 'bearish', 'neutral'] }) bias: string;
  @ApiProperty({ example: 72 }) confidence: number;
  @ApiProperty({ type: [String], example: ['ema8_above_ema21'] }) reasons: string[];
  @ApiProperty() block: boolean;
  @ApiPropertyOptional() metadata?: Record<string, unknown> | null;
}

export class EngineDecisionDto {
  @ApiProperty({ enum: ['A', 'B'] }) engine: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) status: string;
  @ApiProperty({ example: 'ok', description: 'Deciding reason code' }) code: string;
  @ApiProperty() is_shadow: boolean;
  @ApiPropertyOptional({ enum: ['long', 'short'] }) direction?: string | null;
  @ApiPropertyOptional({ example: 'SPY260220C00596000' }) option_symbol?: string | null;
  @ApiPropertyOptional({ example: '596.00' }) strike?: string | null;
  @ApiPropertyOptional({ example: '2026-02-20' }) expiration?: string | null;
  @ApiPropertyOptional({ example: 9 }) quantity?: number | null;
  @ApiPropertyOptional({ example: '3.4500' }) entry_price?: string | null;
  @ApiProperty({ type: [DecisionStepDto] }) steps: DecisionStepDto[];
  @ApiPropertyOptional({ type: [DecisionGateDto] }) gates?: DecisionGateDto[] | null;
  @ApiPropertyOptional({ description: 'Engine B: the meta decision (scores, total weight, veto)' }) meta?: unknown;
  @ApiPropertyOptional({
    description: "Engine B: each agent's run status (voted, disabled, not_applicable, failed, timed_out)",
  })
  agent_runs?: unknown;
  @ApiPropertyOptional({ description: 'The execution policy applied' }) policy?: unknown;
}

export class DecisionOrderDto {
  @ApiProperty({ format: 'uuid' }) order_id: string;
  @ApiProperty({ enum: ['A', 'B'] }) engine: string;
  @ApiProperty({ enum: ['open', 'close'] }) intent: string;
  @ApiProperty({ example: 'SPY260220C00596000' }) option_symbol: string;
  @ApiProperty({ example: 9 }) quantity: number;
  @ApiProperty({ enum: ['pending_execution', 'filled', 'failed'] }) status: string;
  @ApiPropertyOptional() failure_reason?: string | null;
}

export class DecisionViewDto {
  @ApiProperty({ format: 'uuid' }) signal_id: string;
  @ApiProperty({ enum: ['pending', 'queued', 'approved', 'rejected'] }) status: string;
  @ApiPropertyOptional({ example: 'no_recommendation:confidence_below_hard_floor' }) rejection_reason: string | null;
  @ApiProperty() decision_only: boolean;
  @ApiPropertyOptional() queued_until: string | null;
  @ApiPropertyOptional({ description: 'Market session, price, indicators, GEX, flow, confluence, as enriched' })
  enrichment: unknown;
  @ApiPropertyOptional({ description: 'Enrichment risk checks (positions, limits, confluence gate)' })
  enrichment_risk: unknown;
  @ApiPropertyOptional({ description: 'Variant, assignment hash, split, execution mode and reason' })
  experiment: unknown;
  @ApiPropertyOptional({ description: 'The dealer (gamma) decision' }) dealer: unknown;
  @ApiProperty({ type: [EngineDecisionDto] }) engines: EngineDecisionDto[];
  @ApiProperty({ type: [AgentVoteDto] }) agents: AgentVoteDto[];
  @ApiProperty({ type: [DecisionOrderDto] }) orders: DecisionOrderDto[];
}
