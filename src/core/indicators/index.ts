export { assertPeriod, atr, bollinger, ema, emaSeries, keltner, rsi, type Bands } from './indicators';
export { openingRange, vwap, type OpeningRange, type OpeningRangeOptions } from './session';
export { computeIndicators, type IndicatorOptions, type IndicatorSnapshot } from './snapshot';
export {
  linearRegressionLast,
  squeezeMomentum,
  ttmSqueeze,
  type TtmSqueeze,
  type TtmSqueezeOptions,
} from './ttm-squeeze';
