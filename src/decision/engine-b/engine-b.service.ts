import { Inject, Injectable, Logger } from '@nestjs/common';
import { BIAS_CONFIG } from '../../bias/bias.tokens';
import { withTimeout } from '../../common/async/with-timeout';
import { AppConfig, APP_CONFIG } from '../../config';
import { AgentOutput, checkAgentOutput, directionOf, metaDecision } from '../../core/agents';
import type { AgentContext, AgentRiskState } from '../../core/agents/agent-context';
import { BiasConfig, evaluateBiasGate } from '../../core/bias';
import { gammaCheckForEngineB } from '../../core/decision';
import { sizeEngineA } from '../../core/sizing';
import { loadCandles } from '../../enrichment/enrichment-snapshot';
import { MARKET_DATA, MarketDataProvider } from '../../market-data/market-data.provider';
import { StrikeSelectionService } from '../../strikes/strike-selection.service';
import type { AgentRun, DecisionStep, EngineInput, EngineResult } from '../decision.types';
import { biasSizeMultiplier } from '../bias-size-multiplier';
import { pickContract } from '../trade-proposal';
import { AgentRegistry } from './agent-registry.service';
import type { EngineBAgentProvider } from './engine-b-agent.decorator';

/** An agent that has not answered in this time is skipped and recorded as timed out. */
export const AGENT_TIMEOUT_MS = 2_000;

/**
 * Engine B (spec section 6): every registered agent whose flag is on votes on the same context; an agent that throws
 * or times out is skipped and recorded; outputs are checked against the agent's declared bounds (clamped, logged);
 * the meta decision weighs them. An approval becomes a trade in the meta decision's direction, with the strike,
 * entry price and sizing steps Engine A uses.
 */
@Injectable()
export class EngineBService {
  private readonly logger = new Logger(EngineBService.name);

  constructor(
    private readonly registry: AgentRegistry,
    private readonly strikes: StrikeSelectionService,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(BIAS_CONFIG) private readonly biasConfig: BiasConfig,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  agentContext(input: EngineInput, risk: AgentRiskState): AgentContext {
    const snapshot = input.snapshot;
    return {
      symbol: input.symbol,
      direction: input.direction,
      signalConfidence: input.confidenceSource === 'alert' ? input.confidence : null,
      price: snapshot.price,
      candles: loadCandles(snapshot.candles),
      indicators: snapshot.indicators,
      session: input.session,
      gex: snapshot.gex,
      flow: snapshot.flow,
      risk,
    };
  }

  async runAgents(context: AgentContext, input: EngineInput): Promise<AgentRun[]> {
    return Promise.all(this.registry.all().map((agent) => this.runAgent(agent, context, input)));
  }

  async run(input: EngineInput, risk: AgentRiskState): Promise<EngineResult> {
    const steps: DecisionStep[] = [];
    const context = this.agentContext(input, risk);
    const agents = await this.runAgents(context, input);
    const outputs = agents.filter((run) => run.output !== null).map((run) => run.output as AgentOutput);
    const meta = metaDecision(outputs);
    steps.push({
      step: 'meta_decision',
      pass: meta.decision === 'approve',
      code: meta.reasons[0] ?? meta.decision,
      detail: `${meta.decision} ${meta.bias} at ${meta.confidence} (weight ${meta.totalWeight.toFixed(2)})`,
      data: meta,
    });
    const hold = (code: string, detail: string): EngineResult => ({
      engine: 'B',
      approved: false,
      code,
      detail,
      steps,
      trade: null,
      agents,
      meta,
    });
    if (meta.vetoedBy) {
      return hold('risk_agent_blocked', `vetoed by ${meta.vetoedBy}`);
    }
    const direction = directionOf(meta.bias);
    if (meta.decision !== 'approve' || direction === null) {
      return hold(meta.reasons[0] ?? 'meta_rejected', steps[0].detail);
    }
    const gamma = gammaCheckForEngineB(direction, input.dealer);
    steps.push({ step: 'gamma_override', pass: gamma.keep, code: gamma.code, detail: gamma.detail });
    if (!gamma.keep) {
      return hold(gamma.code, gamma.detail);
    }
    if (input.snapshot.price === null) {
      return hold('market_data_unavailable', 'no underlying price');
    }
    const confidence = Math.round(meta.confidence);
    const pick = await pickContract(
      this.strikes,
      this.marketData,
      { symbol: input.symbol, direction, confidence },
      input.snapshot.price,
    );
    steps.push(pick.step);
    if (!pick.ok) {
      return hold(pick.step.code, pick.step.detail);
    }
    steps.push(pick.priceStep);
    const bias = evaluateBiasGate(input.biasState, direction, input.now, this.biasConfig, false);
    const sizing = sizeEngineA({
      maxPositionSize: this.config.risk.maxPositionSize,
      dealerPosition: input.snapshot.gex?.dealerPosition ?? null,
      biasRiskMultiplier: biasSizeMultiplier(bias, input.biasState !== null),
      confluence: {
        enabled: input.flags.enabled('enable_confluence_sizing'),
        score: input.snapshot.confluence?.score ?? null,
        basePositionSize: this.config.confluence.basePositionSize,
      },
      caps: {
        maxPositionSize: this.config.risk.maxPositionSize,
        remainingExposureDollars: input.remainingExposure,
        contractPrice: pick.trade.entryPrice,
        capitalShare: input.capitalShare,
      },
    });
    steps.push({
      step: 'sizing',
      pass: sizing.quantity > 0,
      code: sizing.quantity > 0 ? 'ok' : (sizing.reasons[sizing.reasons.length - 1] ?? 'size_zero'),
      detail: sizing.steps.map((s) => `${s.step}=${s.value}`).join(' -> '),
      data: sizing,
    });
    if (sizing.quantity <= 0) {
      return { ...hold(sizing.reasons[sizing.reasons.length - 1] ?? 'size_zero', 'sizing left no contract'), sizing };
    }
    return {
      engine: 'B',
      approved: true,
      code: 'ok',
      detail: `${direction} ${sizing.quantity} x ${pick.trade.optionSymbol} (meta ${meta.confidence})`,
      steps,
      trade: { ...pick.trade, quantity: sizing.quantity },
      sizing,
      agents,
      meta,
    };
  }

  private async runAgent(agent: EngineBAgentProvider, context: AgentContext, input: EngineInput): Promise<AgentRun> {
    const { descriptor } = agent;
    const base = { agent: descriptor.name, type: descriptor.type };
    if (descriptor.featureFlag && !input.flags.enabled(descriptor.featureFlag)) {
      return { ...base, status: 'disabled', output: null, violations: [], ms: 0 };
    }
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    try {
      const raw = await withTimeout(
        Promise.resolve().then(() => agent.run(context, input.now)),
        AGENT_TIMEOUT_MS,
        timeoutMessage(descriptor.name),
      );
      if (raw === null) {
        return { ...base, status: 'not_applicable', output: null, violations: [], ms: elapsed() };
      }
      const checked = checkAgentOutput(descriptor, raw);
      if (checked.violations.length > 0) {
        this.logger.warn(`agent ${descriptor.name}: ${checked.violations.join('; ')}`);
      }
      return { ...base, status: 'voted', output: checked.output, violations: checked.violations, ms: elapsed() };
    } catch (error) {
      const message = (error as Error).message;
      const timedOut = message === timeoutMessage(descriptor.name);
      this.logger.warn(`agent ${descriptor.name} skipped: ${message}`);
      return {
        ...base,
        status: timedOut ? 'timed_out' : 'failed',
        output: null,
        violations: [],
        error: message,
        ms: elapsed(),
      };
    }
  }
}

function timeoutMessage(agent: string): string {
  return `agent ${agent} timed out after ${AGENT_TIMEOUT_MS} ms`;
}
