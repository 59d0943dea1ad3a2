/**
 * The bare baseline for the ingestion benchmark: the least work that stores an alert the way the app does.
 *
 * A plain `http` server: read the body, JSON.parse it (a naive `key=value` split when it is not JSON), then in ONE
 * statement (one round trip, its own transaction, a named prepared statement like the app's) insert the `signals` row
 * and the `webhook_events` row with the same column sets as src/webhook/webhook.repository.ts, then the same BullMQ
 * enqueue as QueueService, then a 200 JSON reply. Deliberately left out: framework, routing, auth, validation,
 * normalization, dedup (the app's signal_dedup_keys claim), secret redaction, timeouts, the event log for rejections,
 * request logging.
 *
 * Started by bench/ingest.bench.ts as a child process. Env: PORT, DATABASE_URL, REDIS_URL, QUEUE_PREFIX, DB_POOL_MAX,
 * and BARE_TX=1 for a diagnostic variant that stores with BEGIN / INSERT / INSERT / COMMIT (four round trips).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { DEFAULT_JOB_OPTIONS } from '../src/queues/queue.contract';
import { bullConnectionFromUrl } from '../src/queues/redis-options';

// Column sets copied from src/webhook/webhook.repository.ts (the signals and webhook_events inserts).
const INSERT_SIGNAL = `INSERT INTO signals (
  signal_id, symbol, exchange, action, direction, timeframe, timestamp, status, raw_payload, signal_hash, dedup_key,
  is_test, test_session_id, test_scenario, price, request_id, received_at, created_at, updated_at
) VALUES ($1,$2,$3,$4,$5,$6,$7,'pending',$8,$9,$10,$11,$12,$13,$14,$15,$16,$16,$16)`;

const INSERT_EVENT = `INSERT INTO webhook_events (
  event_id, request_id, signal_id, duplicate_of, status, reason_code, error_message, error_details, http_status,
  symbol, exchange, action, direction, timeframe, processing_time_ms, raw_payload, is_test, test_session_id,
  test_scenario, content_type, source_ip, body_format, payload_bytes, created_at
) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)`;

/** Both rows in one statement (one round trip, atomic on its own), like the app's claim-and-store statement. */
const INSERT_BOTH = `WITH stored AS (
  INSERT INTO signals (
    signal_id, symbol, exchange, action, direction, timeframe, timestamp, status, raw_payload, signal_hash, dedup_key,
    is_test, test_session_id, test_scenario, price, request_id, received_at, created_at, updated_at
  ) VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::timestamptz, 'pending', $8::jsonb, $9, $10, $11::boolean, $12, $13,
            $14::numeric, $15::uuid, $16::timestamptz, $16::timestamptz, $16::timestamptz)
  RETURNING signal_id
)
INSERT INTO webhook_events (
  event_id, request_id, signal_id, duplicate_of, status, reason_code, error_message, error_details, http_status,
  symbol, exchange, action, direction, timeframe, processing_time_ms, raw_payload, is_test, test_session_id,
  test_scenario, content_type, source_ip, body_format, payload_bytes, created_at
)
SELECT $17::uuid, $15::uuid, stored.signal_id, NULL, 'accepted', NULL, NULL, NULL, 200, $2, $3, $4, $5, $6, $18,
       $8::jsonb, $11::boolean, $12, $13, $19, $20, $21, $22, $16::timestamptz
  FROM stored`;

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is required`);
  }
  return value;
}

const port = Number(required('PORT'));
const pool = new Pool({ connectionString: required('DATABASE_URL'), max: Number(process.env.DB_POOL_MAX ?? 20) });
const queue = new Queue('signals', {
  // The app's own connection options (src/queues/redis-options.ts).
  connection: bullConnectionFromUrl(required('REDIS_URL')),
  prefix: required('QUEUE_PREFIX'),
});
queue.on('error', (error: Error) => process.stderr.write(`queue error: ${error.message}\n`));

const CLASSIC_TX = process.env.BARE_TX === '1';

type Payload = Record<string, unknown>;

/** JSON, else `a=b, c=d` pairs. No repair, no aliases, no validation. */
function parse(text: string): { payload: Payload; format: 'json' | 'key_value' } {
  try {
    return { payload: JSON.parse(text) as Payload, format: 'json' };
  } catch {
    const payload: Payload = {};
    for (const part of text.split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) {
        payload[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
      }
    }
    return { payload, format: 'key_value' };
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function elapsedMs(startedAt: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - startedAt) / 1e6);
}

/** BARE_TX=1: BEGIN, INSERT, INSERT, COMMIT on one pooled client (four round trips). */
async function classicTransaction(signal: unknown[], event: unknown[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(INSERT_SIGNAL, signal);
    await client.query(INSERT_EVENT, event);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const raw = await readBody(req);
  const receivedAt = new Date();
  const text = raw.toString('utf8');
  const { payload, format } = parse(text);
  const requestId = randomUUID();
  const signalId = randomUUID();
  const eventId = randomUUID();
  const hash = createHash('sha256').update(raw).digest('hex');
  const symbol = str(payload.symbol) ?? str(payload.ticker) ?? 'UNKNOWN';
  const action = str(payload.action);
  const direction = str(payload.direction) ?? (action === 'sell' ? 'short' : 'long');
  const timeframe = (str(payload.timeframe) ?? str(payload.tf) ?? '1').slice(0, 10);
  const epoch = Number(payload.timestamp);
  const timestamp = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : receivedAt;
  const price = str(payload.price);
  const rawPayload = JSON.stringify(payload);
  const contentType = req.headers['content-type'] ?? null;
  const sourceIp = req.socket.remoteAddress ?? null;

  if (CLASSIC_TX) {
    await classicTransaction(
      [
        signalId,
        symbol,
        null,
        'entry',
        direction,
        timeframe,
        timestamp,
        rawPayload,
        hash,
        hash,
        false,
        null,
        null,
        price,
        requestId,
        receivedAt,
      ],
      [
        eventId,
        requestId,
        signalId,
        null,
        'accepted',
        null,
        null,
        null,
        200,
        symbol,
        null,
        'entry',
        direction,
        timeframe,
        elapsedMs(startedAt),
        rawPayload,
        false,
        null,
        null,
        contentType,
        sourceIp,
        format,
        raw.length,
        receivedAt,
      ],
    );
  } else {
    await pool.query({
      name: 'bare_insert_both',
      text: INSERT_BOTH,
      values: [
        signalId,
        symbol,
        null,
        'entry',
        direction,
        timeframe,
        timestamp,
        rawPayload,
        hash,
        hash,
        false,
        null,
        null,
        price,
        requestId,
        receivedAt,
        eventId,
        elapsedMs(startedAt),
        contentType,
        sourceIp,
        format,
        raw.length,
      ],
    });
  }

  await queue.add('signal.enrich', { signalId }, { ...DEFAULT_JOB_OPTIONS, jobId: `signal-${signalId}` });
  reply(res, 200, {
    status: 'ACCEPTED',
    signal_id: signalId,
    request_id: requestId,
    processing_time_ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
  });
}

async function ready(res: ServerResponse): Promise<void> {
  await pool.query('SELECT 1');
  await queue.getJobCounts('wait');
  reply(res, 200, { status: 'ok' });
}

const server = createServer((req, res) => {
  const work =
    req.method === 'POST' && req.url === '/webhook'
      ? ingest(req, res)
      : req.method === 'GET' && req.url === '/health/ready'
        ? ready(res)
        : Promise.resolve(reply(res, 404, { status: 'NOT_FOUND' }));
  work.catch((error: Error) => {
    if (!res.headersSent) {
      reply(res, 500, { status: 'ERROR', error: error.message });
    }
  });
});
server.keepAliveTimeout = 65_000;

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) {
    return;
  }
  closing = true;
  server.close();
  server.closeAllConnections();
  await Promise.allSettled([queue.close(), pool.end()]);
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

server.listen(port, '127.0.0.1', () => process.stdout.write(`bare server listening on :${port}\n`));
