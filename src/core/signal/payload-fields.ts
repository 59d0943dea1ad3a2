/**
 * Reading fields out of an alert payload whatever their spelling: keys match case-insensitively and ignoring
 * `_`, `-`, `.` and spaces, and a nested path matches the same flat key (`strategy.order.action` finds
 * `{ strategy: { order: { action } } }`, `"strategy.order.action"`, `strategy_order_action` and `strategyOrderAction`).
 */

import { findPlaceholder } from './placeholders';

/** A scalar found in the payload, with the path it was found at as sent. */
export interface PayloadLeaf {
  path: string;
  canonical: string;
  value: unknown;
}

// Bounds keep fuzzed or hostile payloads cheap; real alerts are a few levels deep with a few dozen fields.
const MAX_DEPTH = 6;
const MAX_LEAVES = 2000;

export function canonicalKey(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]+/g, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function flattenPayload(payload: Record<string, unknown>): PayloadLeaf[] {
  const leaves: PayloadLeaf[] = [];
  const walk = (node: unknown, path: string, canonical: string, depth: number): void => {
    if (leaves.length >= MAX_LEAVES) {
      return;
    }
    if (isRecord(node) && depth < MAX_DEPTH) {
      for (const [key, child] of Object.entries(node)) {
        walk(child, path ? `${path}.${key}` : key, canonical + canonicalKey(key), depth + 1);
      }
      return;
    }
    if (Array.isArray(node) && depth < MAX_DEPTH) {
      node.forEach((child, index) => walk(child, `${path}[${index}]`, `${canonical}[${index}]`, depth + 1));
      return;
    }
    leaves.push({ path, canonical, value: node });
  };
  walk(payload, '', '', 0);
  return leaves;
}

export interface PlaceholderHit {
  field: string;
  placeholder: string;
}

/**
 * Looks fields up by alias and remembers which ones the normalizer read, so a placeholder in a read field is an
 * error while one in an unread field is only a warning.
 */
export class FieldReader {
  private readonly byCanonical = new Map<string, PayloadLeaf>();
  private readonly leaves: PayloadLeaf[];
  private readonly read = new Set<string>();
  readonly placeholders: PlaceholderHit[] = [];

  constructor(payload: Record<string, unknown>) {
    this.leaves = flattenPayload(payload);
    for (const leaf of this.leaves) {
      if (!this.byCanonical.has(leaf.canonical)) {
        this.byCanonical.set(leaf.canonical, leaf);
      }
    }
  }

  /** The first alias present with a non-empty value. A placeholder value is returned too, and recorded. */
  first(aliases: readonly string[]): PayloadLeaf | null {
    for (const alias of aliases) {
      const leaf = this.byCanonical.get(canonicalKey(alias));
      if (leaf && !isBlank(leaf.value)) {
        this.markRead(leaf);
        return leaf;
      }
    }
    return null;
  }

  /** Every alias present with a non-empty value, in alias order, without duplicates. */
  all(aliases: readonly string[]): PayloadLeaf[] {
    const found: PayloadLeaf[] = [];
    for (const alias of aliases) {
      const leaf = this.byCanonical.get(canonicalKey(alias));
      if (leaf && !isBlank(leaf.value) && !found.includes(leaf)) {
        this.markRead(leaf);
        found.push(leaf);
      }
    }
    return found;
  }

  /** True when the leaf holds a `{{...}}` placeholder; callers then skip its value. */
  isPlaceholder(leaf: PayloadLeaf): boolean {
    return typeof leaf.value === 'string' && findPlaceholder(leaf.value) !== null;
  }

  /** Placeholders left in fields nobody read. */
  unreadPlaceholderWarnings(): string[] {
    const warnings: string[] = [];
    for (const leaf of this.leaves) {
      if (this.read.has(leaf.path) || typeof leaf.value !== 'string') {
        continue;
      }
      const placeholder = findPlaceholder(leaf.value);
      if (placeholder) {
        warnings.push(`unsubstituted placeholder ${placeholder} in unused field '${leaf.path}'`);
      }
    }
    return warnings;
  }

  private markRead(leaf: PayloadLeaf): void {
    if (this.read.has(leaf.path)) {
      return;
    }
    this.read.add(leaf.path);
    const placeholder = typeof leaf.value === 'string' ? findPlaceholder(leaf.value) : null;
    if (placeholder) {
      this.placeholders.push({ field: leaf.path, placeholder });
    }
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
