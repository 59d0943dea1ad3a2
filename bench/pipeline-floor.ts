/**
 * The queue + database floor for bench/pipeline.bench.ts: the same number of jobs through BullMQ (same Redis, same
 * job options, same worker concurrency as the app's workers) with a handler that does one trivial UPDATE on the same
 * PostgreSQL database through the app's own connection pool, and nothing else. `hops: 2` chains two queues like
 * enrichment -> decision: the first handler updates and enqueues on the second queue, which updates again.
 */
import { Queue, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS } from '../src/queues/queue.contract';
import { bullConnectionFromUrl } from '../src/queues/redis-options';

export const FLOOR_TABLE = 'bench_floor';

export interface FloorResult {
  label: string;
  jobs: number;
  hops: 1 | 2;
  concurrency: number;
  wallMs: number;
  jobsPerSec: number;
  failed: number;
}

export async function createFloorTable(dataSource: DataSource, rows: number): Promise<void> {
  await dataSource.query(`CREATE TABLE ${FLOOR_TABLE} (id integer PRIMARY KEY, n integer NOT NULL DEFAULT 0)`);
  await dataSource.query(`INSERT INTO ${FLOOR_TABLE} (id) SELECT generate_series(0, $1::int - 1)`, [rows]);
}

export async function runFloor(options: {
  label: string;
  dataSource: DataSource;
  redisUrl: string;
  prefix: string;
  jobs: number;
  hops: 1 | 2;
  concurrency: number;
  timeoutMs: number;
}): Promise<FloorResult> {
  const { dataSource, jobs, hops, concurrency } = options;
  const connection = bullConnectionFromUrl(options.redisUrl);
  const run = `${Date.now().toString(36)}`;
  const first = new Queue(`floor-a-${run}`, { connection, prefix: options.prefix });
  const second = new Queue(`floor-b-${run}`, { connection, prefix: options.prefix });
  const update = (id: number): Promise<unknown> =>
    dataSource.query(`UPDATE ${FLOOR_TABLE} SET n = n + 1 WHERE id = $1`, [id]);
  let done = 0;
  let failed = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const count = (): void => {
    done += 1;
    if (done === jobs) {
      finish();
    }
  };
  const workerOptions = { connection, prefix: options.prefix, concurrency };
  const workers = [
    new Worker<{ id: number }>(
      first.name,
      async (job) => {
        await update(job.data.id);
        if (hops === 2) {
          await second.add('floor.second', job.data, { ...DEFAULT_JOB_OPTIONS, jobId: `b-${job.data.id}` });
        }
      },
      workerOptions,
    ),
  ];
  if (hops === 2) {
    workers.push(new Worker<{ id: number }>(second.name, async (job) => update(job.data.id), workerOptions));
  }
  const last = workers[workers.length - 1];
  last.on('completed', count);
  for (const worker of workers) {
    worker.on('failed', () => {
      failed += 1;
    });
    worker.on('error', () => undefined);
  }
  try {
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    const started = process.hrtime.bigint();
    const batch = Array.from({ length: jobs }, (_, id) => ({
      name: 'floor.first',
      data: { id },
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: `a-${id}` },
    }));
    for (let i = 0; i < batch.length; i += 1000) {
      await first.addBulk(batch.slice(i, i + 1000));
    }
    const timedOut = await Promise.race([
      finished.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), options.timeoutMs).unref()),
    ]);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (timedOut) {
      throw new Error(`${options.label}: only ${done} of ${jobs} jobs done after ${options.timeoutMs} ms`);
    }
    return { label: options.label, jobs, hops, concurrency, wallMs, jobsPerSec: (jobs * 1000) / wallMs, failed };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await first.obliterate({ force: true });
    await second.obliterate({ force: true });
    await Promise.all([first.close(), second.close()]);
  }
}
