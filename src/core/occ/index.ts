export { occLabel, occShortLabel } from './occ-label';
export {
  formatOccSymbol,
  InvalidOccContractError,
  OCC_MAX_STRIKE_MILLIS,
  OCC_ROOT_MAX_LENGTH,
  parseOccSymbol,
} from './occ-symbol';
export type { OccContract, OccParseResult } from './occ-symbol';
