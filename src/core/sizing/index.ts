export {
  CONFLUENCE_SIZING,
  CONTRACT_MULTIPLIER,
  GAMMA_SIZE_MULTIPLIERS,
  sizeEngineA,
  type ConfluenceSizing,
  type EngineASizing,
  type EngineASizingInput,
  type SizingCaps,
  type SizingStep,
  type SizingStepName,
} from './size-engine-a';
