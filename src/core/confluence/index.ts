export {
  CONFLUENCE_DEFAULTS,
  passesConfluenceGate,
  scoreConfluence,
  type ConfluenceComponents,
  type ConfluenceConfig,
  type ConfluenceFlow,
  type ConfluenceGex,
  type ConfluenceInput,
  type ConfluenceResult,
  type SignalDirection,
} from './confluence';
