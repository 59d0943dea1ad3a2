/**
 * Seeded, stateless randomness for the simulator. Every draw is a pure function of its keys (seed, symbol, stream,
 * index), so any instant can be computed without replaying history. Never Math.random.
 */

/** FNV-1a over the UTF-16 code units, finished with a murmur3 avalanche: a 32-bit hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finalizer. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines 32-bit keys into one well-mixed 32-bit seed. */
export function mixKeys(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) {
    h = fmix32(h ^ Math.imul((key | 0) ^ 0x27d4eb2f, 0x165667b1));
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  return fmix32(h);
}

/** A key for a string or a number: strings are hashed, integers taken as they are. */
export function key(part: string | number): number {
  return typeof part === 'number' ? part | 0 : hashString(part);
}

/** mulberry32: a small, fast 32-bit generator for a stream of draws (e.g. the minutes of one day). */
export class Mulberry32 {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box-Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    const u1 = Math.max(this.next(), 1e-12);
    const u2 = this.next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }
}

/** A generator seeded from the simulator seed and any keys: `streamFor(seed, 'SPY', 'minutes', '2026-02-17')`. */
export function streamFor(seed: number, ...parts: (string | number)[]): Mulberry32 {
  return new Mulberry32(mixKeys(seed, ...parts.map(key)));
}

/** One uniform draw in [0, 1) keyed by the seed and parts. */
export function uniformAt(seed: number, ...parts: (string | number)[]): number {
  return streamFor(seed, ...parts).next();
}

/** One standard normal draw keyed by the seed and parts. */
export function normalAt(seed: number, ...parts: (string | number)[]): number {
  return streamFor(seed, ...parts).normal();
}
