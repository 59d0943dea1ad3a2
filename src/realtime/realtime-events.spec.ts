import 'reflect-metadata';
import type { DomainEventName } from '../common/events/domain-events';
import { REALTIME_EVENT_NAMES, REALTIME_TOPICS, TO_REALTIME, topicOf } from './realtime-events';
import { handshakeToken } from './realtime.gateway';
import { RealtimeForwarder } from './realtime.forwarder';

/** Matches EVENT_LISTENER_METADATA of @nestjs/event-emitter (its constants are not exported from the index). */
const EVENT_LISTENER_METADATA = 'EVENT_LISTENER_METADATA';

function forwardedEvents(): string[] {
  const proto = RealtimeForwarder.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto).flatMap((key) => {
    const listeners = Reflect.getMetadata(EVENT_LISTENER_METADATA, proto[key] as object) as
      { event: string }[] | undefined;
    return (listeners ?? []).map((listener) => listener.event);
  });
}

describe('realtime events', () => {
  it('forwards every realtime event exactly once, and nothing internal', () => {
    expect([...forwardedEvents()].sort()).toEqual([...REALTIME_EVENT_NAMES].sort());
    const internal: DomainEventName[] = ['market.updated', 'jobs.finished', 'jobs.failed', 'auth.access_revoked'];
    for (const name of internal) {
      expect(REALTIME_EVENT_NAMES).not.toContain(name);
    }
  });

  it('names every event <topic>.<event> with a known topic', () => {
    for (const name of REALTIME_EVENT_NAMES) {
      expect(REALTIME_TOPICS).toContain(topicOf(name));
    }
  });

  it('maps domain payloads to snake_case client payloads', () => {
    const at = '2026-02-13T15:30:00.000Z';
    expect(
      TO_REALTIME['system.kill_switch']({
        engaged: true,
        by: 'ops',
        reason: 'halt',
        flattened: [{ positionId: 'p-1', outcome: 'closing' }],
        at,
      }),
    ).toEqual({
      engaged: true,
      by: 'ops',
      reason: 'halt',
      flattened: [{ position_id: 'p-1', outcome: 'closing' }],
      at,
    });
    expect(
      TO_REALTIME['risk.snapshot']({
        openPositions: 2,
        exposure: '3168.00',
        unrealizedPnl: '12.00',
        realizedPnlToday: '-4.50',
        killSwitch: false,
        at,
      }),
    ).toEqual({
      open_positions: 2,
      exposure: '3168.00',
      unrealized_pnl: '12.00',
      realized_pnl_today: '-4.50',
      kill_switch: false,
      at,
    });
  });

  it('takes the handshake token from auth.token first, then the Authorization header', () => {
    expect(handshakeToken({ auth: { token: 'jwt-a' }, headers: { authorization: 'Bearer jwt-b' } })).toBe('jwt-a');
    expect(handshakeToken({ auth: { token: 'Bearer jwt-a' }, headers: {} })).toBe('jwt-a');
    expect(handshakeToken({ auth: {}, headers: { authorization: 'Bearer jwt-b' } })).toBe('jwt-b');
    expect(handshakeToken({ auth: { token: '' }, headers: { authorization: 'Basic abc' } })).toBeNull();
    expect(handshakeToken({ headers: {} })).toBeNull();
  });
});
