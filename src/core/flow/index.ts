export { classifyEntry, flowSentiment, summarizeFlow } from './flow';
export { OCC_SYMBOL, occOptionType } from './occ-symbol';
export type {
  ClassifiedTrade,
  FlowEntry,
  FlowSentiment,
  FlowSide,
  FlowSummary,
  FlowSummaryOptions,
} from './flow.types';
