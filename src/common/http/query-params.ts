import { ApiError } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An integer query parameter within [min, max]; the fallback when absent; 400 validation_failed otherwise. */
export function intParam(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ApiError(400, 'validation_failed', 'Invalid query', [
      { field: name, message: `must be an integer from ${min} to ${max}` },
    ]);
  }
  return n;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A path id that must be a UUID; 400 with `reasonCode` otherwise. */
export function uuidParam(value: string, name: string, reasonCode: string): string {
  if (!UUID.test(value)) {
    throw new ApiError(400, reasonCode, `${name} must be a UUID`, [{ field: name, message: 'must be a UUID' }]);
  }
  return value;
}

/** One of the allowed values, or undefined when absent; 400 validation_failed otherwise. */
export function enumParam<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ApiError(400, 'validation_failed', 'Invalid query', [
      { field: name, message: `must be one of ${allowed.join(', ')}` },
    ]);
  }
  return value as T;
}
