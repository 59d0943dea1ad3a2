import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BiasStateAggregator } from '../bias/bias-state.aggregator';
import { BIAS_CONFIG } from '../bias/bias.tokens';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { AppConfig, APP_CONFIG } from '../config';
import { BiasConfig, evaluateBiasGate, type UnifiedBiasState } from '../core/bias';
import type { MarketSessionEvaluation } from '../core/calendar';
import { MarketCalendar, nyDate, nyInstant } from '../core/calendar';
import type { Clock } from '../core/clock';
import { dealerDecision, type DealerDecision } from '../core/decision';
import {
  applyPolicyToRecommendation,
  assignVariant,
  resolveExecutionPolicy,
  type Engine,
  type ExecutionPolicy,
  type VariantAssignment,
} from '../core/experiment';
import {
  evaluateRiskGates,
  replacementFor,
  withoutReplaced,
  type RiskEvaluation,
  type RiskLimits,
  type RiskPosition,
} from '../core/risk';
import { signalMetadata } from '../core/signal';
import { EnrichmentRepository, SignalForPipeline } from '../enrichment/enrichment.repository';
import { EnrichmentSnapshot, loadSession } from '../enrichment/enrichment-snapshot';
import { FeatureFlagsService, FlagSnapshot, KILL_SWITCH_FLAG } from '../feature-flags/feature-flags.service';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { JobName, QueueService } from '../queues';
import { resolveRiskLimits } from '../risk/risk-limits';
import { RiskState, RiskStateRepository } from '../risk/risk-state.repository';
import { AgentDecisionWrite, DecisionRepository, RecommendationWrite } from './decision.repository';
import type { EngineInput, EngineResult } from './decision.types';
import { EngineAService } from './engine-a.service';
import { AgentRegistry } from './engine-b/agent-registry.service';
import { EngineBService } from './engine-b/engine-b.service';
import { PositionCloser } from '../positions/position-closer.service';

export type DecisionOutcome =
  | { kind: 'skipped'; reason: 'not_found' | 'already_decided' | 'not_pending' }
  | { kind: 'decided'; status: 'approved' | 'rejected'; reason: string | null; orderIds: string[] };

interface Timings {
  [stage: string]: number;
}

/**
 * Spec section 4 steps 4-9: experiment, execution policy, the engines, gamma override, policy application, the risk
 * gates, and in ONE transaction the experiment, policy, recommendations, agent votes, signal status and the paper
 * orders; then the execution queue. Idempotent: a signal already decided is not decided again (its pending orders
 * are offered to the execution queue once more), and an order is unique per (signal, engine, order type).
 */
@Injectable()
export class DecisionService {
  private readonly logger = new Logger(DecisionService.name);

  constructor(
    private readonly repository: DecisionRepository,
    private readonly signals: EnrichmentRepository,
    private readonly riskState: RiskStateRepository,
    private readonly flags: FeatureFlagsService,
    private readonly bias: BiasStateAggregator,
    private readonly engineA: EngineAService,
    private readonly engineB: EngineBService,
    private readonly agents: AgentRegistry,
    private readonly closer: PositionCloser,
    private readonly queues: QueueService,
    private readonly events: DomainEvents,
    @Inject(BIAS_CONFIG) private readonly biasConfig: BiasConfig,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decide(signalId: string, timings: Timings = {}): Promise<DecisionOutcome> {
    const signal = await this.signals.findSignal(signalId);
    if (!signal) {
      return { kind: 'skipped', reason: 'not_found' };
    }
    if (signal.status === 'approved') {
      await this.offerOrders(signalId);
      return { kind: 'skipped', reason: 'already_decided' };
    }
    if (signal.status !== 'pending') {
      return { kind: 'skipped', reason: signal.status === 'rejected' ? 'already_decided' : 'not_pending' };
    }
    const enrichment = await this.repository.enrichment(signalId);
    if (!enrichment) {
      // The enrichment job enqueued this one after its commit; without a row something is off: retry later.
      throw new Error(`signal ${signalId} has no enrichment yet`);
    }
    const snapshot = enrichment.enriched_data;
    const now = this.clock.now();
    const flags = await this.flags.snapshot();
    const assignment = assignVariant(
      { signalId, symbol: signal.symbol, timeframe: signal.timeframe },
      {
        abSplitPercentage: this.config.experiment.abSplitPercentage,
        enableVariantB: flags.enabled('enable_variant_b'),
      },
    );
    const policy = resolveExecutionPolicy(
      {
        variant: assignment.variant,
        engineAAvailable: true,
        engineBAvailable: flags.enabled('enable_variant_b') && this.agents.all().length > 0,
      },
      {
        executionMode: this.config.experiment.executionMode,
        appMode: this.config.server.appMode,
        enableShadowExecution: flags.enabled('enable_shadow_execution'),
        enableDualPaperTrading: flags.enabled('enable_dual_paper_trading'),
        splitCapitalAPercent: this.config.experiment.splitCapitalAPercent,
      },
    );
    if (signal.action === 'exit' || signal.action === 'cancel') {
      return this.decideClose(signal, snapshot, assignment, policy, now);
    }
    return this.decideEntry(signal, snapshot, assignment, policy, flags, now, timings);
  }

  private async decideEntry(
    signal: SignalForPipeline,
    snapshot: EnrichmentSnapshot,
    assignment: VariantAssignment,
    policy: ExecutionPolicy,
    flags: FlagSnapshot,
    now: Date,
    timings: Timings,
  ): Promise<DecisionOutcome> {
    const direction = signal.direction;
    if (direction === null) {
      return this.reject(signal, assignment, policy, 'direction_unknown', now, []);
    }
    const started = process.hrtime.bigint();
    const dayStart = nyInstant(nyDate(now), 0);
    const limits0 = await this.limits(flags);
    const [state, biasState] = await Promise.all([
      this.riskState.load(dayStart, new Date(now.getTime() - limits0.cooldownMinutes * 60_000)),
      this.bias.getState(signal.symbol).catch(() => null),
    ]);
    const equity = this.config.account.paperEquity + state.realizedPnlTotal;
    const dealer: DealerDecision | null = flags.enabled('enable_dealer_gex')
      ? dealerDecision(
          { gex: snapshot.gex, flow: snapshot.flow, price: snapshot.price },
          { minConfidence: this.config.dealer.strategyWeight, minFlowEntries: 5 },
        )
      : null;
    const metadata = snapshot.metadata ?? signalMetadata(signal.raw_payload, signal.received_at);
    const decisionOnly = signal.decision_only || snapshot.decisionOnly;
    const session = decisionOnly ? waivedSession(loadSession(snapshot.session)) : this.session(now);
    // A strong entry at a full book may take the weakest position's slot (POSITION_REPLACEMENT_ENABLED): the engines
    // judge the book without it; the transaction below decides again on fresh state.
    const book = withoutReplaced(state, this.replacement(signal, metadata.confidence, state, limits0, now));
    const exposure = exposureOf(book);
    const maxExposure = Math.min(limits0.maxTotalExposure, (equity * limits0.maxExposurePercent) / 100);
    const input = (engine: Engine): EngineInput => ({
      signalId: signal.signal_id,
      symbol: signal.symbol,
      direction,
      action: signal.action === 'add' ? 'add' : 'entry',
      timeframe: signal.timeframe,
      confidence: metadata.confidence ?? this.config.risk.defaultSignalConfidence,
      confidenceSource: metadata.confidence === null ? 'default' : 'alert',
      signalTime: new Date(snapshot.effectiveSignalTime),
      snapshot,
      session,
      decisionOnly,
      biasState,
      flags,
      positions: book.positions,
      equity,
      dealer,
      capitalShare: policy.executedEngines.includes(engine) ? policy.capitalShare[engine] || 1 : 1,
      remainingExposure: Math.max(0, maxExposure - exposure),
      now,
    });
    const engines = enginesToRun(policy, assignment.variant);
    const results = await Promise.all(
      engines.map((engine) =>
        engine === 'A'
          ? this.engineA.run(input('A'))
          : this.engineB.run(input('B'), {
              openPositions: book.positions.length,
              openPositionsForSymbol: book.positions.filter((p) => sameSymbol(p.symbol, signal.symbol)).length,
              maxOpenPositions: limits0.maxOpenPositions,
              maxPositionsPerSymbol: limits0.maxPositionsPerSymbol,
              exposure,
              maxExposure,
              killSwitch: flags.enabled(KILL_SWITCH_FLAG),
            }),
      ),
    );
    timings.engines = Number(process.hrtime.bigint() - started) / 1e6;

    const persistStarted = process.hrtime.bigint();
    const gated = results.some(
      (r) => r.approved && r.trade !== null && !applyPolicyToRecommendation(policy, r.engine).isShadow,
    );
    const committed = await this.repository.inDecisionTransaction(signal.signal_id, gated, async (tx) => {
      // Gates read the state under the decision lock: what the previous decision committed counts. Without a real
      // approval there is nothing to gate, no lock and no second read.
      const fresh = gated
        ? await this.riskState.load(dayStart, new Date(now.getTime() - limits0.cooldownMinutes * 60_000), tx)
        : state;
      const limits = gated ? await this.limits(flags, tx) : limits0;
      const replacing = gated ? this.replacement(signal, metadata.confidence, fresh, limits, now) : null;
      let replaced = false;
      const experimentId = await this.repository.upsertExperiment(tx, signal.signal_id, assignment, policy, now);
      const orderIds: string[] = [];
      const outcomes: { engine: Engine; isShadow: boolean; approved: boolean; code: string }[] = [];
      for (const result of results) {
        const application = applyPolicyToRecommendation(policy, result.engine);
        let gates: RiskEvaluation | null = null;
        let quantity = result.trade?.quantity ?? null;
        let approved = result.approved;
        let code = result.code;
        if (result.approved && result.trade && !application.isShadow) {
          gates = evaluateRiskGates(
            {
              engine: result.engine,
              signal: {
                symbol: signal.symbol,
                direction: result.trade.direction,
                action: signal.action,
                confidence: metadata.confidence,
                receivedAt: signal.received_at,
                timestamp: new Date(snapshot.effectiveSignalTime),
              },
              positions: withoutReplaced(fresh, replacing).positions,
              pendingOrders: fresh.pendingOrders,
              realizedPnlToday: fresh.realizedPnlToday,
              unrealizedPnl: fresh.unrealizedPnl,
              tradesToday: fresh.tradesToday,
              lastTradeAtBySymbol: fresh.lastTradeAtBySymbol,
              killSwitch: flags.enabled(KILL_SWITCH_FLAG),
              // The gate adds today's realized P&L itself: hand it the equity at the session open.
              accountEquity: equity - fresh.realizedPnlToday,
              confluence: snapshot.confluence,
              biasGate: biasGateFor(biasState, result.trade.direction, now, this.biasConfig, limits.requireMtfBias),
              marketSession: session,
              proposed: { quantity: result.trade.quantity, premium: result.trade.entryPrice ?? 0 },
            },
            limits,
            now,
          );
          if (!gates.pass && gates.firstFailure) {
            approved = false;
            code = `risk_rejected:${gates.firstFailure.code}`;
          } else if (gates.quantityCap !== null && quantity !== null) {
            quantity = Math.min(quantity, gates.quantityCap);
          }
        }
        const executable = approved && !application.isShadow && !decisionOnly && result.trade !== null;
        let replaces: Record<string, unknown> | null = null;
        if (executable && result.trade && quantity) {
          const orderId = await this.repository.insertOrder(
            tx,
            signal.signal_id,
            experimentId,
            {
              engine: result.engine,
              symbol: signal.symbol,
              optionSymbol: result.trade.optionSymbol,
              strike: result.trade.strike,
              expiration: result.trade.expiration,
              type: result.trade.optionType,
              quantity,
              decisionMid: result.trade.quote?.mid ?? null,
            },
            now,
          );
          if (orderId) {
            orderIds.push(orderId);
            if (replacing?.positionId && !replaced) {
              // Closed after the commit (requestReplacementCloses), like an exit alert's positions.
              replaced = true;
              replaces = replacementRecord(replacing, now);
            }
            // The next engine's gates see this order as pending.
            fresh.pendingOrders.push({
              symbol: signal.symbol,
              engine: result.engine,
              optionSymbol: result.trade.optionSymbol,
            });
          }
        }
        outcomes.push({ engine: result.engine, isShadow: application.isShadow, approved, code });
        const recommendation = this.recommendation(
          signal,
          result,
          application.isShadow,
          approved,
          code,
          quantity,
          gates,
          policy,
        );
        if (replaces) {
          recommendation.rationale = { ...recommendation.rationale, replaces };
        }
        await this.repository.upsertRecommendation(tx, experimentId, signal.signal_id, recommendation, now);
        if (result.agents) {
          await this.repository.upsertAgentDecisions(tx, experimentId, signal.signal_id, agentWrites(result), now);
        }
      }
      const real = outcomes.filter((o) => !o.isShadow);
      const approvedReal = real.find((o) => o.approved);
      let reason: string | null = null;
      if (!approvedReal) {
        reason =
          policy.executionMode === 'SHADOW_ONLY' || real.length === 0
            ? 'shadow_only'
            : real[0].code.startsWith('risk_rejected')
              ? real[0].code
              : `no_recommendation:${real[0].code}`;
      }
      const status = approvedReal ? 'approved' : 'rejected';
      const shadowEngines = outcomes.filter((o) => o.isShadow && o.approved).map((o) => o.engine);
      await this.repository.finishSignal(
        tx,
        signal.signal_id,
        { status, reason, experimentId, metaGamma: dealer ? { ...dealer } : null },
        now,
      );
      return { status, reason, orderIds, experimentId, shadowEngines } as const;
    });
    timings.persist = Number(process.hrtime.bigint() - persistStarted) / 1e6;
    if (!committed) {
      await this.requestReplacementCloses(signal.signal_id);
      await this.offerOrders(signal.signal_id);
      return { kind: 'skipped', reason: 'already_decided' };
    }
    await this.afterCommit(signal, committed.status, committed.reason, decisionOnly, committed.orderIds, now);
    await this.requestReplacementCloses(signal.signal_id);
    if (!decisionOnly && flags.enabled('enable_shadow_execution')) {
      for (const engine of committed.shadowEngines) {
        await this.queues
          .enqueue(JobName.ExecuteShadow, { experimentId: committed.experimentId, engine })
          .catch(() => undefined);
      }
    }
    return { kind: 'decided', status: committed.status, reason: committed.reason, orderIds: committed.orderIds };
  }

  /** Exit and cancel alerts: a close decision for the matching open positions, or the pending entries withdrawn. */
  private async decideClose(
    signal: SignalForPipeline,
    snapshot: EnrichmentSnapshot,
    assignment: VariantAssignment,
    policy: ExecutionPolicy,
    now: Date,
  ): Promise<DecisionOutcome> {
    const committed = await this.repository.inDecisionTransaction(signal.signal_id, false, async (tx) => {
      const experimentId = await this.repository.upsertExperiment(tx, signal.signal_id, assignment, policy, now);
      if (signal.action === 'cancel') {
        const cancelled = await this.repository.cancelPendingEntries(tx, signal.symbol, signal.direction, now);
        const reason = cancelled.length > 0 ? null : 'nothing_to_cancel';
        await this.repository.finishSignal(
          tx,
          signal.signal_id,
          { status: cancelled.length > 0 ? 'approved' : 'rejected', reason, experimentId, metaGamma: null },
          now,
        );
        const status: 'approved' | 'rejected' = cancelled.length > 0 ? 'approved' : 'rejected';
        return { status, reason, orderIds: [] as string[] };
      }
      const positions = await this.repository.positionsToClose(tx, signal.symbol, signal.direction);
      const byEngine = new Map<Engine, typeof positions>();
      for (const position of positions) {
        byEngine.set(position.engine, [...(byEngine.get(position.engine) ?? []), position]);
      }
      for (const [engine, list] of byEngine) {
        await this.repository.upsertRecommendation(
          tx,
          experimentId,
          signal.signal_id,
          {
            engine,
            symbol: signal.symbol,
            direction: (list[0].direction as 'long' | 'short') ?? null,
            timeframe: signal.timeframe,
            strike: null,
            expiration: null,
            quantity: list.reduce((sum, p) => sum + p.quantity, 0),
            entryPrice: null,
            isShadow: false,
            rationale: {
              kind: 'close',
              status: snapshot.decisionOnly ? 'decision_only' : 'close_requested',
              reason: 'exit_signal',
              positions: list.map((p) => ({
                positionId: p.position_id,
                optionSymbol: p.option_symbol,
                quantity: p.quantity,
              })),
            },
          },
          now,
        );
      }
      const reason = positions.length > 0 ? null : 'no_open_position';
      const status: 'approved' | 'rejected' = positions.length > 0 ? 'approved' : 'rejected';
      await this.repository.finishSignal(tx, signal.signal_id, { status, reason, experimentId, metaGamma: null }, now);
      return { status, reason, orderIds: [] as string[] };
    });
    if (!committed) {
      await this.requestExitCloses(signal.signal_id);
      return { kind: 'skipped', reason: 'already_decided' };
    }
    if (signal.action === 'exit' && !snapshot.decisionOnly) {
      await this.requestExitCloses(signal.signal_id);
    }
    await this.afterCommit(signal, committed.status, committed.reason, snapshot.decisionOnly, [], now);
    return { kind: 'decided', ...committed };
  }

  /**
   * An exit alert's close decision, carried out: each listed position still open and not yet asked to close by this
   * signal goes through the PositionCloser (the same path as the exit monitor and a manual close, so they race
   * safely). Re-run on a retried job, it asks only for what is missing.
   */
  private async requestExitCloses(signalId: string): Promise<void> {
    for (const positionId of await this.repository.exitClosesToRequest(signalId)) {
      await this.closer.requestClose(positionId, { reason: 'exit_signal', signalId });
    }
  }

  /**
   * The position an entry replaces (recorded on its recommendation), closed through the PositionCloser with reason
   * `capacity_replacement`. Re-run on a retried job, it asks only when the position is still open and this signal has
   * not asked yet.
   */
  private async requestReplacementCloses(signalId: string): Promise<void> {
    if (!this.config.risk.positionReplacementEnabled) {
      return; // Off (the default): no query on the decision path.
    }
    for (const positionId of await this.repository.replacementClosesToRequest(signalId)) {
      const outcome = await this.closer.requestClose(positionId, { reason: REPLACEMENT_REASON, signalId });
      this.logger.log(`signal ${signalId} replaces position ${positionId}: ${outcome.kind}`);
    }
  }

  private replacement(
    signal: SignalForPipeline,
    confidence: number | null,
    book: RiskState,
    limits: RiskLimits,
    now: Date,
  ): RiskPosition | null {
    const risk = this.config.risk;
    return replacementFor(
      { action: signal.action, confidence },
      book,
      limits,
      {
        enabled: risk.positionReplacementEnabled,
        minConfidence: risk.minConfidenceForReplacement,
        minHoldMinutes: risk.minHoldMinutesForCapacityClose,
      },
      now,
    );
  }

  private async reject(
    signal: SignalForPipeline,
    assignment: VariantAssignment,
    policy: ExecutionPolicy,
    reason: string,
    now: Date,
    orderIds: string[],
  ): Promise<DecisionOutcome> {
    const committed = await this.repository.inDecisionTransaction(signal.signal_id, false, async (tx) => {
      const experimentId = await this.repository.upsertExperiment(tx, signal.signal_id, assignment, policy, now);
      await this.repository.finishSignal(
        tx,
        signal.signal_id,
        { status: 'rejected', reason, experimentId, metaGamma: null },
        now,
      );
      return true;
    });
    if (committed) {
      await this.afterCommit(signal, 'rejected', reason, false, orderIds, now);
    }
    return { kind: 'decided', status: 'rejected', reason, orderIds };
  }

  private async afterCommit(
    signal: SignalForPipeline,
    status: 'approved' | 'rejected',
    reason: string | null,
    decisionOnly: boolean,
    orderIds: string[],
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    this.logger.log(
      { trace_id: signal.request_id, signal_id: signal.signal_id, status, reason, order_ids: orderIds },
      'signal decided',
    );
    for (const orderId of orderIds) {
      this.events.emit('orders.created', { orderId, signalId: signal.signal_id, at });
    }
    this.events.emit('signals.decided', {
      signalId: signal.signal_id,
      symbol: signal.symbol,
      status,
      reason,
      decisionOnly,
      orderIds,
      at,
    });
    // Throws when Redis refuses: the job is retried, finds the signal decided and offers its orders again.
    await this.offerOrders(signal.signal_id);
  }

  private async offerOrders(signalId: string): Promise<void> {
    const orderIds = await this.repository.pendingOrderIds(signalId);
    if (orderIds.length > 0) {
      await this.queues.enqueueMany(
        JobName.ExecuteOrder,
        orderIds.map((orderId) => ({ orderId })),
      );
    }
  }

  private async limits(flags: FlagSnapshot, tx?: EntityManager): Promise<RiskLimits> {
    return resolveRiskLimits(this.config, await this.riskState.limitsRow(tx), {
      confluenceGate: flags.enabled('enable_confluence_gate'),
      requireMtfBias: flags.enabled('require_mtf_bias_for_entry'),
    });
  }

  private session(now: Date): MarketSessionEvaluation {
    const risk = this.config.risk;
    return this.calendar.evaluateMarketSession(now, {
      allowPremarket: risk.allowPremarket,
      allowAfterhours: risk.allowAfterhours,
      graceMinutes: risk.marketCloseGraceMinutes,
    });
  }

  private recommendation(
    signal: SignalForPipeline,
    result: EngineResult,
    isShadow: boolean,
    approved: boolean,
    code: string,
    quantity: number | null,
    gates: RiskEvaluation | null,
    policy: ExecutionPolicy,
  ): RecommendationWrite {
    const trade = result.trade;
    return {
      engine: result.engine,
      symbol: signal.symbol,
      direction: trade?.direction ?? signal.direction,
      timeframe: signal.timeframe,
      strike: trade?.strike ?? null,
      expiration: trade?.expiration ?? null,
      quantity: trade ? quantity : null,
      entryPrice: trade?.entryPrice ?? null,
      isShadow,
      rationale: {
        kind: 'entry',
        status: approved ? 'approved' : 'rejected',
        code,
        detail: result.detail,
        engineCode: result.code,
        optionSymbol: trade?.optionSymbol ?? null,
        optionType: trade?.optionType ?? null,
        quoteAtDecision: trade?.quote ?? null,
        steps: result.steps,
        gates: gates?.verdicts ?? null,
        quantityCap: gates?.quantityCap ?? null,
        meta: result.meta ?? null,
        agents: result.agents?.map(({ output: _output, ...run }) => run) ?? null,
        policy: {
          mode: policy.executionMode,
          reason: policy.reason,
          notes: policy.notes,
          capitalShare: policy.capitalShare,
        },
      },
    };
  }
}

function enginesToRun(policy: ExecutionPolicy, variant: Engine): Engine[] {
  const set = new Set<Engine>([...policy.executedEngines]);
  if (policy.shadowEngine) {
    set.add(policy.shadowEngine);
  }
  if (set.size === 0) {
    set.add(variant);
  }
  return [...set].sort();
}

function sameSymbol(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** The exit reason of a position closed to make room for a stronger entry. */
export const REPLACEMENT_REASON = 'capacity_replacement';

function replacementRecord(position: RiskPosition, now: Date): Record<string, unknown> {
  const pnlPct =
    position.entryPrice > 0 ? ((position.currentPrice - position.entryPrice) / position.entryPrice) * 100 : null;
  return {
    positionId: position.positionId,
    optionSymbol: position.optionSymbol ?? null,
    pnlPct: pnlPct === null ? null : Math.round(pnlPct * 100) / 100,
    heldMinutes: Math.floor((now.getTime() - position.openedAt.getTime()) / 60_000),
  };
}

function exposureOf(state: RiskState): number {
  return state.positions.reduce((sum, p) => sum + p.currentPrice * p.quantity * 100, 0);
}

function biasGateFor(
  state: UnifiedBiasState | null,
  direction: 'long' | 'short',
  now: Date,
  config: BiasConfig,
  required: boolean,
) {
  return state === null && !required ? null : evaluateBiasGate(state, direction, now, config, required);
}

/** Decision-only mode (market closed): the engines are asked what they would do in session. */
function waivedSession(session: MarketSessionEvaluation): MarketSessionEvaluation {
  return {
    ...session,
    isOpen: true,
    withinGrace: false,
    detail: `decision only (market ${session.reason}): session checks waived, no order`,
  };
}

function agentWrites(result: EngineResult): AgentDecisionWrite[] {
  return (result.agents ?? [])
    .filter((run) => run.output !== null)
    .map((run) => ({
      output: run.output!,
      metadata: {
        ...(run.output!.metadata ?? {}),
        agentType: run.type,
        ms: Math.round(run.ms * 100) / 100,
        ...(run.violations.length > 0 ? { violations: run.violations } : {}),
      },
    }));
}
