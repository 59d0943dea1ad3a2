export {
  DEFAULT_DEALER_CONFIG,
  dealerDecision,
  type DealerConfig,
  type DealerDecision,
  type DealerDirection,
  type DealerInput,
} from './dealer-decision';
export {
  GAMMA_OVERRIDE_CONFIDENCE,
  gammaCheckForEngineB,
  gammaOverrideForEngineA,
  scaleQuantity,
  type GammaCheckB,
  type GammaOverrideA,
} from './gamma-override';
