import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { DomainEventPayloads } from '../common/events/domain-events';
import { RealtimeEventName, TO_REALTIME } from './realtime-events';
import { RealtimeGateway } from './realtime.gateway';

/**
 * Forwards the domain events of this process to the subscribed Socket.IO clients of every process, mapped to their
 * snake_case client payloads. One handler per forwarded event (realtime-events.spec checks none is missing); a handler
 * never throws, so a broken broadcast cannot fail the processor that published.
 */
@Injectable()
export class RealtimeForwarder {
  private readonly logger = new Logger(RealtimeForwarder.name);

  constructor(private readonly gateway: RealtimeGateway) {}

  @OnEvent('signals.accepted')
  onSignalAccepted(e: DomainEventPayloads['signals.accepted']): void {
    this.forward('signals.accepted', e);
  }

  @OnEvent('signals.enriched')
  onSignalEnriched(e: DomainEventPayloads['signals.enriched']): void {
    this.forward('signals.enriched', e);
  }

  @OnEvent('signals.queued')
  onSignalQueued(e: DomainEventPayloads['signals.queued']): void {
    this.forward('signals.queued', e);
  }

  @OnEvent('signals.decided')
  onSignalDecided(e: DomainEventPayloads['signals.decided']): void {
    this.forward('signals.decided', e);
  }

  @OnEvent('orders.created')
  onOrderCreated(e: DomainEventPayloads['orders.created']): void {
    this.forward('orders.created', e);
  }

  @OnEvent('orders.filled')
  onOrderFilled(e: DomainEventPayloads['orders.filled']): void {
    this.forward('orders.filled', e);
  }

  @OnEvent('orders.failed')
  onOrderFailed(e: DomainEventPayloads['orders.failed']): void {
    this.forward('orders.failed', e);
  }

  @OnEvent('positions.opened')
  onPositionOpened(e: DomainEventPayloads['positions.opened']): void {
    this.forward('positions.opened', e);
  }

  @OnEvent('positions.marked')
  onPositionMarked(e: DomainEventPayloads['positions.marked']): void {
    this.forward('positions.marked', e);
  }

  @OnEvent('positions.closing')
  onPositionClosing(e: DomainEventPayloads['positions.closing']): void {
    this.forward('positions.closing', e);
  }

  @OnEvent('positions.closed')
  onPositionClosed(e: DomainEventPayloads['positions.closed']): void {
    this.forward('positions.closed', e);
  }

  @OnEvent('risk.snapshot')
  onRiskSnapshot(e: DomainEventPayloads['risk.snapshot']): void {
    this.forward('risk.snapshot', e);
  }

  @OnEvent('system.kill_switch')
  onKillSwitch(e: DomainEventPayloads['system.kill_switch']): void {
    this.forward('system.kill_switch', e);
  }

  private forward<N extends RealtimeEventName>(name: N, payload: DomainEventPayloads[N]): void {
    try {
      this.gateway.broadcast(name, TO_REALTIME[name](payload));
    } catch (error) {
      this.logger.warn(`${name} not forwarded: ${(error as Error).message}`);
    }
  }
}
