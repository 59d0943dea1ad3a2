const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** 2001-09-09 in ms: anything smaller is taken as unix seconds. */
const MS_THRESHOLD = 1e12;

/** An ISO 8601 date-time with a zone, or unix seconds / milliseconds (number or digits); null otherwise. */
export function parseWebhookTimestamp(value: unknown): Date | null {
  if (typeof value === 'number') {
    return fromEpoch(value);
  }
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return fromEpoch(Number(text));
  }
  if (!ISO_DATE_TIME.test(text)) {
    return null;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value) || value <= 0) {
    return null;
  }
  const date = new Date(value >= MS_THRESHOLD ? value : value * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}
