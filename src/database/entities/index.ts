import { AgentDecision } from './agent-decision.entity';
import { AgentPerformance } from './agent-performance.entity';
import { BiasAdaptiveConfigHistory } from './bias-adaptive-config-history.entity';
import { BiasStateCurrent } from './bias-state-current.entity';
import { BiasTradePerformance } from './bias-trade-performance.entity';
import { DecisionRecommendation } from './decision-recommendation.entity';
import { ExecutionPolicy } from './execution-policy.entity';
import { ExitRule } from './exit-rule.entity';
import { Experiment } from './experiment.entity';
import { FeatureFlag } from './feature-flag.entity';
import { Order } from './order.entity';
import { Position } from './position.entity';
import { RiskLimit } from './risk-limit.entity';
import { ShadowPosition } from './shadow-position.entity';
import { ShadowTrade } from './shadow-trade.entity';
import { SignalDedupKey } from './signal-dedup-key.entity';
import { SignalEnrichment } from './signal-enrichment.entity';
import { Signal } from './signal.entity';
import { Trade } from './trade.entity';
import { WebhookEvent } from './webhook-event.entity';

export * from './domain.types';
export * from './json.types';
export {
  AgentDecision,
  AgentPerformance,
  BiasAdaptiveConfigHistory,
  BiasStateCurrent,
  BiasTradePerformance,
  DecisionRecommendation,
  ExecutionPolicy,
  ExitRule,
  Experiment,
  FeatureFlag,
  Order,
  Position,
  RiskLimit,
  ShadowPosition,
  ShadowTrade,
  Signal,
  SignalDedupKey,
  SignalEnrichment,
  Trade,
  WebhookEvent,
};

/** Every entity, one per table (docs/schema.md), for the DataSource. */
export const ENTITIES = [
  Signal,
  WebhookEvent,
  SignalDedupKey,
  SignalEnrichment,
  Experiment,
  ExecutionPolicy,
  DecisionRecommendation,
  AgentDecision,
  Order,
  Trade,
  Position,
  ShadowTrade,
  ShadowPosition,
  ExitRule,
  RiskLimit,
  FeatureFlag,
  AgentPerformance,
  BiasStateCurrent,
  BiasTradePerformance,
  BiasAdaptiveConfigHistory,
];
