/**
 * The small HTTP layer the vendor adapters share: one deadline per call (the provider's `timeoutMs` covers every
 * attempt and every backoff sleep), bounded exponential backoff on 429 and 5xx (honouring `Retry-After`), and an
 * answer that is always a value, never a throw. The adapters turn a {@link VendorResponse} into a
 * `MarketDataResult` with {@link failureFor}.
 */

/** What one vendor call came to after its retries. */
export type VendorResponse<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'http_error'; status: number; message: string; body: unknown; retryAfterMs?: number }
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; message: string };

export interface RetryPolicy {
  /** The whole call, every attempt and sleep included. */
  timeoutMs: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** First backoff delay; doubles per retry (default 200 ms). */
  baseDelayMs?: number;
  /** A single sleep is never longer than this (default 2 s). */
  maxDelayMs?: number;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 2000;

/** HTTP statuses worth another attempt: rate limited, or the vendor's side failing. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Runs `attempt` until it answers something final, a retryable failure is out of retries, or the deadline leaves no
 * room for the next backoff. Each attempt gets an AbortSignal that fires at the deadline.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (signal: AbortSignal) => Promise<VendorResponse<T>>,
  shouldRetry: (response: VendorResponse<T>) => boolean = defaultShouldRetry,
): Promise<VendorResponse<T>> {
  const maxRetries = Math.max(0, policy.maxRetries ?? DEFAULT_MAX_RETRIES);
  const baseDelayMs = Math.max(0, policy.baseDelayMs ?? DEFAULT_BASE_DELAY_MS);
  const maxDelayMs = Math.max(0, policy.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
  const deadline = Date.now() + policy.timeoutMs;
  for (let retry = 0; ; retry++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      return { kind: 'timeout', message: `no answer within ${policy.timeoutMs} ms` };
    }
    const response = await withDeadline(remaining, policy.timeoutMs, attempt);
    if (retry >= maxRetries || !shouldRetry(response)) {
      return response;
    }
    const backoff = Math.min(baseDelayMs * 2 ** retry, maxDelayMs);
    const wanted =
      response.kind === 'http_error' && response.retryAfterMs !== undefined ? response.retryAfterMs : backoff;
    const delay = Math.min(wanted, maxDelayMs);
    if (wanted > maxDelayMs || Date.now() + delay >= deadline) {
      // The vendor asks for a longer wait than the call may take: give up now with its answer.
      return response;
    }
    await sleep(delay);
  }
}

function defaultShouldRetry<T>(response: VendorResponse<T>): boolean {
  return response.kind === 'network' || (response.kind === 'http_error' && isRetryableStatus(response.status));
}

async function withDeadline<T>(
  remainingMs: number,
  timeoutMs: number,
  attempt: (signal: AbortSignal) => Promise<VendorResponse<T>>,
): Promise<VendorResponse<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutAbort(timeoutMs)), remainingMs);
  try {
    const response = await attempt(controller.signal);
    if (controller.signal.aborted && response.kind !== 'ok') {
      return { kind: 'timeout', message: `no answer within ${timeoutMs} ms` };
    }
    return response;
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: 'timeout', message: `no answer within ${timeoutMs} ms` };
    }
    return { kind: 'network', message: errorMessage(error) };
  } finally {
    clearTimeout(timer);
  }
}

class TimeoutAbort extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface GetJsonRequest {
  url: string;
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
}

/**
 * One GET returning parsed JSON (`unknown`: the adapter narrows it). 2xx is ok; any other status is an `http_error`
 * carrying the body (vendors put their error message there) and `Retry-After` in ms.
 */
export async function getJson(request: GetJsonRequest, signal: AbortSignal): Promise<VendorResponse<unknown>> {
  const fetchImpl = request.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'GET',
      headers: { Accept: 'application/json', ...request.headers },
      signal,
      redirect: 'error',
    });
  } catch (error) {
    if (signal.aborted) {
      return { kind: 'timeout', message: errorMessage(signal.reason) };
    }
    return { kind: 'network', message: errorMessage(error) };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted) {
      return { kind: 'timeout', message: errorMessage(signal.reason) };
    }
    return { kind: 'network', message: `reading the body: ${errorMessage(error)}` };
  }
  const body = parseJson(text);
  if (response.ok) {
    if (body === undefined) {
      return { kind: 'http_error', status: response.status, message: 'the body is not JSON', body: text };
    }
    return { kind: 'ok', status: response.status, body };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return {
    kind: 'http_error',
    status: response.status,
    message: vendorMessage(body) ?? (text.trim().slice(0, 200) || response.statusText || `HTTP ${response.status}`),
    body: body ?? text,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const when = Date.parse(value);
  return Number.isNaN(when) ? undefined : Math.max(0, when - Date.now());
}

/** The message vendors put in error bodies: `message` (Alpaca, Twelve Data) or `errmsg` (MarketData.app). */
function vendorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) {
    return undefined;
  }
  for (const key of ['message', 'errmsg', 'error']) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return typeof error === 'string' ? error : 'unknown error';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number from a JSON number or a numeric string (Twelve Data sends prices as strings); else null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function toStringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Appends query parameters (skipping undefined) to a base URL and a path. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}
