import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/http/api-error';
import { DecisionViewRepository } from './decision-view.repository';
import { DecisionViewDto, EngineDecisionDto } from './dto/decision-view.dto';
import { isUuid } from '../common/http/query-params';
import { ApiAuth } from '../auth/auth.decorators';

@ApiTags('signals')
@ApiAuth()
@Controller('signals')
export class DecisionController {
  constructor(private readonly views: DecisionViewRepository) {}

  @Get(':id/decision')
  @ApiOperation({
    summary: 'Why a signal did or did not trade',
    description:
      "The enrichment snapshot, the experiment and policy, each engine's steps with codes, each risk gate's verdict, " +
      "each agent's vote, the meta decision, the sizing steps and the orders.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, type: DecisionViewDto })
  @ApiResponse({ status: 400, description: 'Not a UUID (reason_code invalid_signal_id)' })
  @ApiResponse({ status: 404, description: 'No such signal (reason_code signal_not_found)' })
  async get(@Param('id') id: string): Promise<DecisionViewDto> {
    if (!isUuid(id)) {
      throw new ApiError(400, 'invalid_signal_id', 'Signal id must be a UUID', [
        { field: 'id', message: 'must be a UUID' },
      ]);
    }
    const view = await this.views.load(id);
    if (!view.signal) {
      throw new ApiError(404, 'signal_not_found', `No signal ${id}`);
    }
    const { signal, experiment } = view;
    return {
      signal_id: signal.signal_id,
      status: signal.status,
      rejection_reason: signal.rejection_reason,
      decision_only: signal.decision_only,
      queued_until: signal.queued_until ? new Date(signal.queued_until).toISOString() : null,
      enrichment: view.enrichment
        ? {
            ...view.enrichment.enriched_data,
            processed_at: view.enrichment.processed_at.toISOString(),
            rejection_reason: view.enrichment.rejection_reason,
          }
        : null,
      enrichment_risk: view.enrichment?.risk_check_result ?? null,
      experiment: experiment
        ? {
            experiment_id: experiment.experiment_id,
            variant: experiment.variant,
            assignment_hash: experiment.assignment_hash,
            split_percentage: experiment.split_percentage,
            execution_mode: experiment.execution_mode,
            executed_engine: experiment.executed_engine,
            shadow_engine: experiment.shadow_engine,
            policy_reason: experiment.policy_reason,
          }
        : null,
      dealer: signal.meta_gamma,
      engines: view.recommendations.map((rec): EngineDecisionDto => {
        const rationale = rec.rationale ?? {};
        return {
          engine: rec.engine,
          status: rationale.status ?? 'rejected',
          code: rationale.code ?? rationale.reason ?? 'unknown',
          is_shadow: rec.is_shadow,
          direction: rec.direction,
          option_symbol: rationale.optionSymbol ?? null,
          strike: rec.strike,
          expiration: rec.expiration,
          quantity: rec.quantity,
          entry_price: rec.entry_price,
          steps: rationale.steps ?? [],
          gates: rationale.gates ?? null,
          meta: rationale.meta ?? null,
          agent_runs: rationale.agents ?? null,
          policy: rationale.policy ?? null,
        };
      }),
      agents: view.agents.map((row) => ({
        agent: row.agent_name,
        type: row.agent_type,
        bias: row.bias,
        confidence: row.confidence,
        reasons: row.reasons,
        block: row.block,
        metadata: row.metadata,
      })),
      orders: view.orders.map((row) => ({
        order_id: row.order_id,
        engine: row.engine,
        intent: row.intent,
        option_symbol: row.option_symbol,
        quantity: row.quantity,
        status: row.status,
        failure_reason: row.failure_reason,
      })),
    };
  }
}
