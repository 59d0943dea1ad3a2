import {
  FULL_CONFIDENCE_BOUNDS,
  isAgentBias,
  isAgentType,
  type AgentBias,
  type AgentDescriptor,
  type AgentOutput,
  type ConfidenceBounds,
  type RawAgentOutput,
} from './agent.types';

export interface AgentOutputCheck {
  /** The output as the meta decision will see it: clamped, normalized. */
  output: AgentOutput;
  /** Human-readable violations for logging; empty when the output was already valid. */
  violations: string[];
}

/**
 * The run-time bounds check of spec section 6 "Confidence Scoring". Never throws: an invalid output
 * is repaired (clamped / normalized) and every repair is reported as a violation for the caller to log.
 *
 * - confidence: not finite → the lower bound; otherwise clamped to the descriptor's bounds
 *   intersected with 0-100.
 * - bias: trimmed and lower-cased; anything else than bullish/bearish/neutral → neutral.
 * - type and agent name: the descriptor's values win (an agent cannot promote itself to a heavier weight).
 * - reasons: non-strings dropped.
 */
export function checkAgentOutput(descriptor: AgentDescriptor, output: RawAgentOutput): AgentOutputCheck {
  const violations: string[] = [];
  const bounds = effectiveBounds(descriptor.confidenceBounds, violations);

  const agent = descriptor.name;
  if (output.agent !== descriptor.name) {
    violations.push(`agent_name_mismatch: output says '${output.agent}', descriptor says '${descriptor.name}'`);
  }

  const type = descriptor.type;
  if (output.type !== undefined) {
    const normalizedType = output.type.trim().toLowerCase();
    if (!isAgentType(normalizedType) || normalizedType !== descriptor.type) {
      violations.push(`type_mismatch: output says '${output.type}', descriptor says '${descriptor.type}'`);
    }
  }

  const bias = normalizeBias(output.bias, violations);

  let confidence: number;
  if (typeof output.confidence !== 'number' || !Number.isFinite(output.confidence)) {
    violations.push(`confidence_not_finite: ${String(output.confidence)} replaced by ${bounds.min}`);
    confidence = bounds.min;
  } else if (output.confidence < bounds.min || output.confidence > bounds.max) {
    confidence = Math.min(bounds.max, Math.max(bounds.min, output.confidence));
    violations.push(
      `confidence_out_of_bounds: ${output.confidence} outside [${bounds.min}, ${bounds.max}], clamped to ${confidence}`,
    );
  } else {
    confidence = output.confidence;
  }

  const rawReasons: readonly unknown[] = Array.isArray(output.reasons) ? output.reasons : [];
  const reasons = rawReasons.filter((r): r is string => typeof r === 'string');
  if (reasons.length !== rawReasons.length) {
    violations.push('reasons_not_strings: non-string reasons dropped');
  }

  const checked: AgentOutput = { agent, type, bias, confidence, reasons };
  if (output.block !== undefined) {
    checked.block = output.block === true;
  }
  if (output.metadata !== undefined) {
    checked.metadata = output.metadata;
  }
  return { output: checked, violations };
}

function effectiveBounds(declared: ConfidenceBounds, violations: string[]): ConfidenceBounds {
  const min = Math.max(FULL_CONFIDENCE_BOUNDS.min, declared.min);
  const max = Math.min(FULL_CONFIDENCE_BOUNDS.max, declared.max);
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    violations.push(`invalid_bounds: [${declared.min}, ${declared.max}] replaced by [0, 100]`);
    return FULL_CONFIDENCE_BOUNDS;
  }
  return { min, max };
}

function normalizeBias(raw: string, violations: string[]): AgentBias {
  const normalized = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (isAgentBias(normalized)) {
    if (normalized !== raw) {
      violations.push(`bias_not_canonical: '${raw}' normalized to '${normalized}'`);
    }
    return normalized;
  }
  violations.push(`bias_unknown: '${String(raw)}' treated as neutral`);
  return 'neutral';
}
