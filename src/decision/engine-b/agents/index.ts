import type { Type } from '@nestjs/common';
import { ContextAgent } from './context.agent';
import { TechnicalAgent } from './technical.agent';
import { RiskAgent } from './risk.agent';
import { GammaFlowAgent } from './gamma-flow.agent';
import { OrbAgent } from './orb.agent';
import { StratAgent } from './strat.agent';
import { TtmAgent } from './ttm.agent';
import { SatylandAgent } from './satyland.agent';

/** The spec's eight agents (section 6). Another agent is one more @EngineBAgent class in any module's providers. */
export const ENGINE_B_AGENT_PROVIDERS: Type<unknown>[] = [
  ContextAgent,
  TechnicalAgent,
  RiskAgent,
  GammaFlowAgent,
  OrbAgent,
  StratAgent,
  TtmAgent,
  SatylandAgent,
];
