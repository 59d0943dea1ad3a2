import { isIP } from 'node:net';
import { Transform, TransformFnParams } from 'class-transformer';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Small building blocks for the environment schema: string-to-value transforms and one-rule validators whose
 * message reads well after the variable name ("PORT: must be an integer between 1 and 65535").
 *
 * Every transform leaves an unparseable value in a shape its validator rejects (NaN, the raw string), so a bad
 * value is reported, never silently replaced by the default. Absent and empty variables never reach a transform:
 * `loadConfig` drops them, and the class field's initializer (the default) stays.
 */

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

function mapString(fn: (value: string) => unknown): PropertyDecorator {
  return Transform(({ value }: TransformFnParams): unknown => (typeof value === 'string' ? fn(value.trim()) : value));
}

/** '42' -> 42; anything else -> NaN (rejected by the range rule). */
export const ToInt = (): PropertyDecorator => mapString((v) => (INTEGER.test(v) ? Number(v) : NaN));

/** '0.25' -> 0.25, '1e8' -> 100000000; anything else -> NaN. */
export const ToNumber = (): PropertyDecorator => mapString((v) => (DECIMAL.test(v) ? Number(v) : NaN));

/** true/false, 1/0, yes/no, on/off (any case) -> boolean; anything else stays a string and is rejected. */
export const ToBool = (): PropertyDecorator =>
  mapString((v) => {
    const lower = v.toLowerCase();
    if (TRUE_WORDS.has(lower)) {
      return true;
    }
    if (FALSE_WORDS.has(lower)) {
      return false;
    }
    return v;
  });

/** 'a, b,,c' -> ['a', 'b', 'c']. */
export const ToList = (): PropertyDecorator =>
  mapString((v) =>
    v
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** Upper-cased comma list, for ticker symbols. */
export const ToUpperList = (): PropertyDecorator =>
  mapString((v) =>
    v
      .split(',')
      .map((item) => item.trim().toUpperCase())
      .filter((item) => item.length > 0),
  );

export const ToUpper = (): PropertyDecorator => mapString((v) => v.toUpperCase());
export const ToLower = (): PropertyDecorator => mapString((v) => v.toLowerCase());

/** A single-check validator; `undefined` (variable not set, no default) always passes unless the check says so. */
function rule(
  name: string,
  check: (value: unknown, args: ValidationArguments) => boolean,
  message: string | ((args: ValidationArguments) => string),
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: check,
        defaultMessage: (args?: ValidationArguments): string =>
          typeof message === 'string' ? message : message(args as ValidationArguments),
      },
    },
    options,
  );
}

function describeRange(kind: string, min: number, max?: number): string {
  if (max === undefined) {
    return min === 0 ? `must be a non-negative ${kind}` : `must be ${article(kind)} ${kind} >= ${min}`;
  }
  return `must be ${article(kind)} ${kind} between ${min} and ${max}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

export function IntRange(min: number, max?: number): PropertyDecorator {
  return rule(
    'intRange',
    (v) =>
      v === undefined || (Number.isInteger(v) && (v as number) >= min && (max === undefined || (v as number) <= max)),
    describeRange('integer', min, max),
  );
}

/** A finite number in [min, max]; with `exclusiveMin`, strictly greater than min. */
export function NumberRange(min: number, max?: number, exclusiveMin = false): PropertyDecorator {
  const text = exclusiveMin
    ? `must be a number greater than ${min}${max === undefined ? '' : ` and at most ${max}`}`
    : describeRange('number', min, max);
  return rule(
    'numberRange',
    (v) =>
      v === undefined ||
      (typeof v === 'number' &&
        Number.isFinite(v) &&
        (exclusiveMin ? v > min : v >= min) &&
        (max === undefined || v <= max)),
    text,
  );
}

export function Percent(): PropertyDecorator {
  return NumberRange(0, 100);
}

export function Bool(): PropertyDecorator {
  return rule('bool', (v) => v === undefined || typeof v === 'boolean', 'must be true or false (also 1/0, yes/no)');
}

export function OneOf(values: readonly string[], message?: string): PropertyDecorator {
  return rule(
    'oneOf',
    (v) => v === undefined || (typeof v === 'string' && values.includes(v)),
    message ?? `must be one of ${values.join(', ')}`,
  );
}

/** Every list item is one of `values`. */
export function EachOneOf(values: readonly string[]): PropertyDecorator {
  return rule(
    'eachOneOf',
    (v) =>
      v === undefined || (Array.isArray(v) && v.every((item) => typeof item === 'string' && values.includes(item))),
    `must be a comma list of ${values.join(', ')}`,
  );
}

export function NonEmptyList(): PropertyDecorator {
  return rule(
    'nonEmptyList',
    (v) => v === undefined || (Array.isArray(v) && v.length > 0),
    'must list at least one item',
  );
}

/** Ticker-like items: letters, digits, dot, dash, slash, caret (SPX, BRK.B, ^VIX). */
export function SymbolList(): PropertyDecorator {
  return rule(
    'symbolList',
    (v) =>
      v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string' && /^[A-Z0-9.^/-]{1,16}$/.test(s))),
    'must be a comma list of ticker symbols (e.g. SPY,QQQ,IWM)',
  );
}

export function isUrlWithProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.host.length > 0;
  } catch {
    return false;
  }
}

/** An absolute URL with one of the protocols (e.g. 'postgres:'); empty/unset passes. */
export function UrlOf(protocols: readonly string[]): PropertyDecorator {
  const names = protocols.map((p) => p.replace(/:$/, '')).join(' or ');
  return rule(
    'urlOf',
    (v) => v === undefined || (typeof v === 'string' && isUrlWithProtocol(v, protocols)),
    `must be a valid ${names} URL`,
  );
}

/** Browser origins ('https://app.example.com') or '*'. */
export function OriginList(): PropertyDecorator {
  return rule(
    'originList',
    (v) =>
      v === undefined ||
      (Array.isArray(v) &&
        v.every(
          (item) =>
            item === '*' ||
            (typeof item === 'string' && isUrlWithProtocol(item, ['http:', 'https:']) && new URL(item).origin === item),
        )),
    "must be '*' or a comma list of origins like https://app.example.com (scheme, host, optional port; no path)",
  );
}

/** An ISO-8601 date-time with a zone (Z or +hh:mm): an instant, not a local wall time. */
export function IsoInstant(): PropertyDecorator {
  return rule(
    'isoInstant',
    (v) =>
      v === undefined ||
      (typeof v === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v) &&
        !Number.isNaN(Date.parse(v))),
    'must be an ISO-8601 instant with a zone, e.g. 2026-02-20T14:30:00Z',
  );
}

export function MinLengthIfSet(min: number): PropertyDecorator {
  return rule(
    'minLengthIfSet',
    (v) => v === undefined || (typeof v === 'string' && v.length >= min),
    `must be at least ${min} characters`,
  );
}

/** Required when NODE_ENV=production (the development/test default is filled in later by buildAppConfig). */
export function RequiredInProduction(what: string): PropertyDecorator {
  return rule(
    'requiredInProduction',
    (v, args) =>
      (args.object as { NODE_ENV?: unknown }).NODE_ENV !== 'production' || (typeof v === 'string' && v.length > 0),
    `is required when NODE_ENV=production (${what})`,
  );
}

/** IPv4/IPv6 address, optionally with a /prefix (CIDR). */
export function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0 || address === undefined) {
    return false;
  }
  const family = isIP(address);
  if (family === 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  if (!/^\d{1,3}$/.test(prefix)) {
    return false;
  }
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Express `trust proxy` names for common private ranges. */
export const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/** 'true' | 'false' | a hop count | a comma list of IPs, CIDRs or express' names. */
export function TrustProxyValue(): PropertyDecorator {
  return rule(
    'trustProxy',
    (v) => {
      if (v === undefined) {
        return true;
      }
      if (typeof v !== 'string') {
        return false;
      }
      const lower = v.toLowerCase();
      if (lower === 'true' || lower === 'false' || /^\d{1,2}$/.test(lower)) {
        return true;
      }
      const items = v.split(',').map((s) => s.trim());
      return (
        items.length > 0 &&
        items.every((s) => (TRUST_PROXY_NAMES as readonly string[]).includes(s.toLowerCase()) || isIpOrCidr(s))
      );
    },
    "must be 'true', 'false', a hop count (0-99) or a comma list of IP addresses/CIDRs (or loopback, linklocal, uniquelocal)",
  );
}

/** '' / 'false' (off), 'true' (TradingView's addresses) or a comma list of IP addresses/CIDRs. */
export function IpAllowlistValue(): PropertyDecorator {
  return rule(
    'ipAllowlist',
    (v) => {
      if (v === undefined) {
        return true;
      }
      if (typeof v !== 'string') {
        return false;
      }
      const lower = v.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        return true;
      }
      const items = v.split(',').map((s) => s.trim());
      return items.every((s) => s.length > 0 && isIpOrCidr(s));
    },
    "must be 'true' (TradingView's addresses), 'false' (off) or a comma list of IP addresses/CIDRs",
  );
}

/** Names of variables holding secrets: their values never appear in messages or logs. */
export const SECRET_VARIABLES = new Set<string>();

/** A secret string (optional). Registers the variable for redaction. */
export function Secret(): PropertyDecorator {
  return (target: object, key: string | symbol): void => {
    SECRET_VARIABLES.add(String(key));
    rule('secret', (v) => v === undefined || typeof v === 'string', 'must be a string')(target, key);
  };
}

export function DateList(): PropertyDecorator {
  return rule(
    'dateList',
    (v) =>
      v === undefined ||
      (Array.isArray(v) &&
        v.every(
          (d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)),
        )),
    'must be a comma list of dates YYYY-MM-DD',
  );
}
