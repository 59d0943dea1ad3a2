import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import { AlertDelivery } from '../../../src/alerts/alert-delivery.service';
import { AlertsService } from '../../../src/alerts/alerts.service';
import { DomainEvents } from '../../../src/common/events/domain-events';
import { JobName, QueueName, QueueService } from '../../../src/queues';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

interface Received {
  path: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for Discord's and Slack's incoming webhooks: answers each path with the next status of its
 * script (then 204 for Discord, 200 "ok" for Slack, as they document), recording every body.
 */
async function webhookServer(
  script: Record<string, number[]>,
): Promise<{ url: string; received: Received[]; script: Record<string, number[]>; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, body: JSON.parse(raw) as Record<string, unknown> });
      const status = script[path]?.shift() ?? (path.startsWith('/slack') ? 200 : 204);
      res.statusCode = status;
      res.end(status === 200 ? 'ok' : status >= 400 ? 'error' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('alerts to Discord and Slack (local webhook servers, real Redis and BullMQ)', () => {
  let t: Started;
  let hooks: Awaited<ReturnType<typeof webhookServer>>;

  beforeAll(async () => {
    // Discord fails twice (500, then 429) before it takes the alert; Slack refuses a body for good once (400).
    hooks = await webhookServer({ '/discord': [500, 429], '/slack-bad': [400] });
    t = await startTestApp({
      env: {
        ALERTS_ENABLED: 'true',
        DISCORD_WEBHOOK_URL: `${hooks.url}/discord`,
        SLACK_WEBHOOK_URL: `${hooks.url}/slack`,
        ALERT_MAX_ATTEMPTS: '4',
        ALERT_BACKOFF_MS: '50',
        PROCESSING_QUEUE_DEPTH_ALERT: '1',
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
    await hooks.close();
  });

  it('delivers a closed position to both channels, retrying Discord through a 500 and a 429', async () => {
    t.app.get(DomainEvents).emit('positions.closed', {
      positionId: '11111111-1111-4111-8111-111111111111',
      realizedPnl: '1584.00',
      reason: 'profit_target',
      at: '2026-02-13T17:35:00.000Z',
    });
    const discord = await eventually(async () => {
      const queue = t.app.get(QueueService).queue(QueueName.Alerts);
      const id = 'alert-discord-closed-11111111-1111-4111-8111-111111111111';
      // The state first, then the job: a job read before its completion carries the previous attempt count.
      return (await queue.getJobState(id)) === 'completed' ? queue.getJob(id) : undefined;
    });
    expect(discord.attemptsMade).toBe(3);
    expect(discord.returnvalue).toEqual({ delivered: true, status: 204 });
    const bodies = hooks.received.filter((r) => r.path === '/discord').map((r) => r.body);
    expect(bodies).toHaveLength(3);
    expect(bodies[2]).toMatchObject({
      content: expect.stringContaining('Position closed (profit_target): realized 1584.00'),
      embeds: [{ title: 'Position closed (profit_target): realized 1584.00', color: expect.any(Number) }],
    });
    const slack = hooks.received.filter((r) => r.path === '/slack').map((r) => r.body);
    expect(slack).toEqual([{ text: expect.stringContaining('*Position closed (profit_target): realized 1584.00*') }]);
  });

  it('alerts on a risk block, not on other rejections', async () => {
    const events = t.app.get(DomainEvents);
    const before = hooks.received.length;
    events.emit('signals.decided', {
      signalId: '22222222-2222-4222-8222-222222222222',
      symbol: 'SPY',
      status: 'rejected',
      reason: 'no_recommendation:confidence_below_hard_floor',
      decisionOnly: false,
      orderIds: [],
      at: '2026-02-13T15:30:00.000Z',
    });
    events.emit('signals.decided', {
      signalId: '33333333-3333-4333-8333-333333333333',
      symbol: 'SPY',
      status: 'rejected',
      reason: 'risk_rejected:kill_switch_active',
      decisionOnly: false,
      orderIds: [],
      at: '2026-02-13T15:30:00.000Z',
    });
    await eventually(async () => hooks.received.length >= before + 2);
    const texts = hooks.received.slice(before).map((r) => JSON.stringify(r.body));
    expect(texts.every((text) => text.includes('Risk gate blocked SPY: kill_switch_active'))).toBe(true);
  });

  it('treats a 4xx other than 429 as permanent (no retry) and a 5xx as retryable', async () => {
    const delivery = (path: string) =>
      new AlertDelivery({ ...t.config, alerts: { ...t.config.alerts, slackWebhookUrl: `${hooks.url}${path}` } });
    const alert = { channel: 'slack' as const, key: 'k', level: 'info' as const, title: 't', text: 'x' };
    await expect(delivery('/slack-bad').deliver(alert)).rejects.toBeInstanceOf(UnrecoverableError);
    hooks.script['/slack-down'] = [503];
    const down = delivery('/slack-down').deliver(alert);
    await expect(down).rejects.toThrow('slack answered 503');
    await expect(down).rejects.not.toBeInstanceOf(UnrecoverableError);
    await expect(delivery('/slack-down').deliver(alert)).resolves.toEqual({ delivered: true, status: 200 });
  });

  it("alerts on the kill switch (critical), its job id free of the ISO time's colons", async () => {
    t.app.get(DomainEvents).emit('system.kill_switch', {
      engaged: true,
      by: 'ops@example.com',
      reason: 'runaway strategy',
      flattened: [],
      at: '2026-02-13T15:31:00.000Z',
    });
    const job = await eventually(async () => {
      const found = await t.app
        .get(QueueService)
        .queue(QueueName.Alerts)
        .getJob('alert-slack-kill-switch-on-2026-02-13T15_31_00.000Z');
      return (await found?.getState()) === 'completed' ? found : undefined;
    });
    expect(job.data).toMatchObject({ level: 'critical', title: 'Kill switch ENGAGED by ops@example.com' });
  });

  it('raises a queue-depth alert when a queue has more waiting jobs than PROCESSING_QUEUE_DEPTH_ALERT', async () => {
    const queues = t.app.get(QueueService);
    const feedback = queues.queue(QueueName.Feedback);
    await feedback.pause();
    await feedback.add(JobName.TuneParameters, { reason: 'manual' });
    await feedback.add(JobName.TuneParameters, { reason: 'manual' });
    const result = await t.app.get(AlertsService).checkQueueDepth();
    expect(result.deep).toContain(QueueName.Feedback);
    await eventually(async () =>
      hooks.received.some((r) => JSON.stringify(r.body).includes('Queue feedback has 2 waiting jobs')),
    );
    await feedback.obliterate({ force: true });
  });
});
