import type { MarketDataProvider } from '../market-data/market-data.provider';
import type { StrikeSelectionService } from '../strikes/strike-selection.service';
import type { DecisionStep, TradeProposal } from './decision.types';

export type ContractPick =
  | { ok: true; trade: Omit<TradeProposal, 'quantity'>; step: DecisionStep; priceStep: DecisionStep }
  | { ok: false; step: DecisionStep };

/**
 * Strike selection and the entry price from the option's quote (spec section 5 steps 4-5), shared by both engines.
 * A missing option quote is not fatal: the order is priced at fill time; the decision records it.
 */
export async function pickContract(
  strikes: StrikeSelectionService,
  marketData: MarketDataProvider,
  request: { symbol: string; direction: 'long' | 'short'; confidence: number },
  spot: number,
): Promise<ContractPick> {
  const result = await strikes.select(request, spot);
  if (!result.ok) {
    const code = 'reasonCode' in result ? result.reasonCode : 'strike_unavailable';
    return { ok: false, step: { step: 'strike', pass: false, code, detail: result.reasons.join('; ') } };
  }
  const selection = result.selection;
  const step: DecisionStep = {
    step: 'strike',
    pass: true,
    code: 'ok',
    detail: `${selection.type} ${selection.strike} exp ${selection.expiration} (${selection.mode}, ${selection.dte} DTE)`,
    data: { optionSymbol: selection.optionSymbol, reasons: selection.reasons, delta: selection.delta },
  };
  const quoted =
    selection.quote ?? (await marketData.optionQuote(selection.optionSymbol).then((q) => (q.ok ? q.value : null)));
  const mid = quoted?.mid ?? null;
  const priceStep: DecisionStep =
    quoted && mid !== null
      ? { step: 'entry_price', pass: true, code: 'ok', detail: `mid ${mid} (bid ${quoted.bid}, ask ${quoted.ask})` }
      : { step: 'entry_price', pass: true, code: 'option_quote_unavailable', detail: 'priced at fill time' };
  return {
    ok: true,
    step,
    priceStep,
    trade: {
      direction: request.direction,
      optionType: selection.type,
      strike: selection.strike,
      expiration: selection.expiration,
      optionSymbol: selection.optionSymbol,
      entryPrice: mid,
      quote: quoted && mid !== null ? { bid: quoted.bid, ask: quoted.ask, mid, asOf: quoted.asOf.toISOString() } : null,
    },
  };
}
