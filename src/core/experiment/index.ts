export { applyPolicyToRecommendation, type PolicyApplication } from './apply-policy';
export {
  assignmentHashOf,
  assignVariant,
  bucketOf,
  type VariantAssignment,
  type VariantConfig,
  type VariantReason,
  type VariantSubject,
} from './assign-variant';
export {
  resolveExecutionPolicy,
  type ExecutionPolicy,
  type PolicyConfig,
  type PolicyInput,
  type PolicyReason,
} from './execution-policy';
export type { AppMode, CapitalShare, ConcreteExecutionMode, ConfiguredExecutionMode, Engine } from './experiment.types';
