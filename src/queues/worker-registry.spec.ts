import { WORKER_QUEUE_NAMES } from '../config/env.schema';
import { JobName, QueueName } from './queue.contract';
import { checkHandlers } from './worker-registry.service';

describe('queue contract check at boot', () => {
  it('passes when each job name has one handler and reports queues without a consumer', () => {
    const result = checkHandlers([
      { jobName: JobName.OutboxSweep, owner: 'OutboxService.onSweepJob' },
      { jobName: JobName.ReleaseQueuedSignals, owner: 'QueuedSignalsRelease.onReleaseJob' },
    ]);
    expect(result.unconsumedQueues).toEqual([
      QueueName.Signals,
      QueueName.Decisions,
      QueueName.Executions,
      QueueName.Positions,
      QueueName.Feedback,
      QueueName.Alerts,
    ]);
  });

  it('rejects a consumed queue with a job name nobody handles', () => {
    expect(() => checkHandlers([{ jobName: JobName.OutboxSweep, owner: 'OutboxService.onSweepJob' }])).toThrow(
      /queue 'maintenance' has no handler for: signals.release/,
    );
  });

  it('rejects a job name handled twice', () => {
    expect(() =>
      checkHandlers([
        { jobName: JobName.OutboxSweep, owner: 'A.run' },
        { jobName: JobName.OutboxSweep, owner: 'B.run' },
      ]),
    ).toThrow(/'outbox.sweep' has 2 handlers: A.run, B.run/);
  });

  it('rejects a handler for a job name outside the contract', () => {
    expect(() => checkHandlers([{ jobName: 'made.up', owner: 'X.run' }])).toThrow(/not in the queue contract/);
  });

  it('passes with every job name handled', () => {
    expect(
      checkHandlers(Object.values(JobName).map((jobName) => ({ jobName, owner: `${jobName}.handler` })))
        .unconsumedQueues,
    ).toEqual([]);
  });
});

describe('WORKER_QUEUES names', () => {
  it('are exactly the queue contract names', () => {
    expect([...WORKER_QUEUE_NAMES].sort()).toEqual(Object.values(QueueName).sort());
  });
});
