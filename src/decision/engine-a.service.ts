import { Inject, Injectable } from '@nestjs/common';
import { BIAS_CONFIG } from '../bias/bias.tokens';
import { AppConfig, APP_CONFIG } from '../config';
import { BiasConfig, evaluateBiasGate } from '../core/bias';
import { gammaOverrideForEngineA, scaleQuantity } from '../core/decision';
import {
  DEFAULT_ENTRY_DECISION_CONFIG,
  DEFAULT_PORTFOLIO_GUARD_CONFIG,
  ENTRY_RULES,
  evaluateEntryDecision,
  evaluatePortfolioGuard,
} from '../core/engine-a';
import { sizeEngineA } from '../core/sizing';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { StrikeSelectionService } from '../strikes/strike-selection.service';
import { TunedParameters } from '../feedback/tuned-parameters.service';
import { biasSizeMultiplier } from './bias-size-multiplier';
import type { DecisionStep, EngineInput, EngineResult } from './decision.types';
import { pickContract } from './trade-proposal';

/** Entry rules about the clock that decision-only mode (market closed) waives: it asks what the engine would do. */
const SESSION_RULES = new Set(['market_closed', 'opening_minutes', 'close_grace']);

/**
 * Engine A (spec section 5): MTF bias gate, portfolio guard, the tiered entry decision, strike selection, entry
 * price, sizing, in that order; the first HOLD stops the chain. Every step is recorded for the explanation.
 */
@Injectable()
export class EngineAService {
  constructor(
    private readonly strikes: StrikeSelectionService,
    private readonly tuned: TunedParameters,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(BIAS_CONFIG) private readonly biasConfig: BiasConfig,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(input: EngineInput): Promise<EngineResult> {
    const steps: DecisionStep[] = [];
    const hold = (code: string, detail: string): EngineResult => ({
      engine: 'A',
      approved: false,
      code,
      detail,
      steps,
      trade: null,
    });
    const override = gammaOverrideForEngineA(input.direction, input.dealer);
    steps.push({ step: 'gamma_override', pass: true, code: override.code, detail: override.detail });
    const direction = override.direction;

    const requireBias = input.flags.enabled('require_mtf_bias_for_entry') && !this.config.e2eTestMode;
    const bias = evaluateBiasGate(input.biasState, direction, input.now, this.biasConfig, requireBias);
    steps.push({
      step: 'mtf_bias',
      pass: bias.pass || !requireBias,
      code: bias.code,
      detail: requireBias || bias.pass ? bias.detail : `${bias.detail} (not required: sizing reads it)`,
      data: { riskMultiplier: bias.riskMultiplier, required: requireBias },
    });
    if (!bias.pass && requireBias) {
      return hold(bias.code, bias.detail);
    }
    const tuned = await this.tuned.current();
    const regimeMultiplier = input.biasState ? (tuned.regimeRiskMultipliers[input.biasState.regime] ?? 1) : 1;
    const biasRiskMultiplier = biasSizeMultiplier(bias, input.biasState !== null) * regimeMultiplier;
    steps.push({
      step: 'tuned_parameters',
      pass: true,
      code: 'ok',
      detail: `confidence floors ${tuned.confidenceHardFloor}/${tuned.confidenceSoftFloor}; regime ${
        input.biasState?.regime ?? 'none'
      } size x${regimeMultiplier}`,
    });

    const dealerPosition = input.snapshot.gex?.dealerPosition ?? 'neutral';
    let guardMultiplier = 1;
    if (input.flags.enabled('enable_portfolio_guard') && !this.config.e2eTestMode) {
      const guard = evaluatePortfolioGuard(
        {
          openPositions: input.positions.map((p) => ({
            symbol: p.symbol,
            direction: p.direction,
            notional: p.currentPrice * p.quantity * 100,
          })),
          equity: input.equity,
          signal: { symbol: input.symbol, direction },
          marketState: {
            dealerPosition,
            biasDirection: input.biasState?.direction,
            chopScore: input.biasState?.chopScore ?? null,
          },
        },
        DEFAULT_PORTFOLIO_GUARD_CONFIG,
      );
      steps.push({
        step: 'portfolio_guard',
        pass: guard.decision !== 'BLOCK',
        code: guard.code,
        detail: `${guard.decision}: ${guard.detail}`,
        data: guard.checks,
      });
      if (guard.decision === 'BLOCK') {
        return hold(guard.code, guard.detail);
      }
      guardMultiplier = guard.sizeMultiplier;
    } else {
      steps.push({ step: 'portfolio_guard', pass: true, code: 'disabled', detail: 'ENABLE_PORTFOLIO_GUARD off' });
    }

    const risk = this.config.risk;
    const entry = evaluateEntryDecision(
      {
        symbol: input.symbol,
        direction,
        action: input.action,
        signalTime: input.signalTime,
        price: input.snapshot.price,
        confidence: input.confidence,
        chopScore: input.biasState?.chopScore ?? null,
        dealerPosition,
      },
      {
        ...DEFAULT_ENTRY_DECISION_CONFIG,
        confidenceHardFloor: tuned.confidenceHardFloor,
        confidenceSoftFloor: tuned.confidenceSoftFloor,
        signalMaxAgeMinutes: risk.signalMaxAgeMinutes,
        closeGraceMinutes: risk.marketCloseGraceMinutes,
        allowPremarket: risk.allowPremarket,
        allowAfterhours: risk.allowAfterhours,
      },
      input.now,
      input.decisionOnly ? ENTRY_RULES.filter((rule) => !SESSION_RULES.has(rule.name)) : ENTRY_RULES,
    );
    steps.push({
      step: 'entry_decision',
      pass: entry.decision === 'ENTER',
      code: entry.code,
      detail: `${entry.decision} (tier ${entry.tier}): ${entry.detail}`,
      data: entry.verdicts,
    });
    if (entry.decision !== 'ENTER' || input.snapshot.price === null) {
      return hold(entry.code, entry.detail);
    }

    const pick = await pickContract(
      this.strikes,
      this.marketData,
      { symbol: input.symbol, direction, confidence: input.confidence },
      input.snapshot.price,
    );
    steps.push(pick.step);
    if (!pick.ok) {
      return hold(pick.step.code, pick.step.detail);
    }
    steps.push(pick.priceStep);

    const sizing = sizeEngineA({
      maxPositionSize: risk.maxPositionSize,
      dealerPosition: input.snapshot.gex?.dealerPosition ?? null,
      biasRiskMultiplier,
      confluence: {
        enabled: input.flags.enabled('enable_confluence_sizing'),
        score: input.snapshot.confluence?.score ?? null,
        basePositionSize: this.config.confluence.basePositionSize,
      },
      caps: {
        maxPositionSize: risk.maxPositionSize,
        remainingExposureDollars: input.remainingExposure,
        contractPrice: pick.trade.entryPrice,
        capitalShare: input.capitalShare,
      },
    });
    let quantity = sizing.quantity;
    if (quantity > 0 && guardMultiplier < 1) {
      quantity = scaleQuantity(quantity, guardMultiplier);
    }
    if (quantity > 0 && override.overridden) {
      quantity = scaleQuantity(quantity, override.quantityMultiplier);
    }
    steps.push({
      step: 'sizing',
      pass: quantity > 0,
      code: quantity > 0 ? 'ok' : (sizing.reasons[sizing.reasons.length - 1] ?? 'size_zero'),
      detail: `${sizing.steps.map((s) => `${s.step}=${s.value}`).join(' -> ')}${
        quantity !== sizing.quantity ? ` -> guard/override=${quantity}` : ''
      }`,
      data: sizing,
    });
    if (quantity <= 0) {
      return { ...hold(sizing.reasons[sizing.reasons.length - 1] ?? 'size_zero', 'sizing left no contract'), sizing };
    }
    return {
      engine: 'A',
      approved: true,
      code: 'ok',
      detail: `${direction} ${quantity} x ${pick.trade.optionSymbol}`,
      steps,
      trade: { ...pick.trade, quantity },
      sizing,
    };
  }
}
