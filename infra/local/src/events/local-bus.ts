import type { EventEnvelope } from '@halooid/shared/events/envelope';
import { toBusEvent } from '@halooid/shared/events/envelope';
import { type EventPattern, matchesPattern, validatePattern } from '@halooid/shared/events/pattern';
import type { EventPublisher, PublishResult } from '@halooid/shared/events/publisher';
import { uuidv7 } from '@halooid/shared/ids';

/** A rule: an EventBridge pattern and the target it invokes (a consumer's `consume`). */
export interface LocalRule {
  name: string;
  pattern: EventPattern;
  target: (envelope: EventEnvelope) => Promise<unknown>;
}

export interface LocalBusOptions {
  /** Attempts per delivery before it is dead-lettered (EventBridge: 185 over 24 h; locally few). */
  maxAttempts?: number;
  /** First retry pause, doubled per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How many recent events `/dev/events` keeps. */
  recentLimit?: number;
  onError?: (message: string, details: Record<string, unknown>) => void;
}

export interface DeliveryState {
  rule: string;
  status: 'pending' | 'retrying' | 'delivered' | 'dead';
  attempts: number;
  lastError?: string;
}

export interface RecentEvent {
  event: EventEnvelope;
  receivedAt: string;
  deliveries: DeliveryState[];
}

export interface DeadLetter {
  id: string;
  rule: string;
  event: EventEnvelope;
  attempts: number;
  error: string;
  deadAt: string;
}

/**
 * The local stand-in for the EventBridge bus: the same manifest patterns
 * (`matchesPattern` follows EventBridge semantics) against the same event
 * shape, asynchronous delivery, retries with exponential backoff and a
 * dead-letter queue with redrive, like a rule target's retry policy + DLQ.
 */
export class LocalEventBus implements EventPublisher {
  private readonly rules: LocalRule[] = [];
  private readonly recentEvents: RecentEvent[] = [];
  private readonly dead = new Map<string, DeadLetter>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly recentLimit: number;

  constructor(private readonly options: LocalBusOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 200;
    this.maxDelayMs = options.maxDelayMs ?? 5_000;
    this.recentLimit = options.recentLimit ?? 200;
  }

  addRule(rule: LocalRule): () => void {
    const problems = validatePattern(rule.pattern);
    if (problems.length > 0) throw new Error(`Rule ${rule.name}: invalid pattern: ${problems.join('; ')}`);
    this.rules.push(rule);
    return () => {
      const index = this.rules.indexOf(rule);
      if (index >= 0) this.rules.splice(index, 1);
    };
  }

  async publish(events: readonly EventEnvelope[]): Promise<PublishResult> {
    if (this.stopped)
      return { failed: events.map((event) => ({ event, error: 'the local bus is stopped' })) };
    for (const event of events) {
      const busEvent = toBusEvent(event);
      const recent: RecentEvent = { event, receivedAt: new Date().toISOString(), deliveries: [] };
      this.recentEvents.unshift(recent);
      this.recentEvents.length = Math.min(this.recentEvents.length, this.recentLimit);
      for (const rule of this.rules) {
        if (!matchesPattern(rule.pattern, busEvent)) continue;
        const state: DeliveryState = { rule: rule.name, status: 'pending', attempts: 0 };
        recent.deliveries.push(state);
        this.schedule(rule, event, state, 0);
      }
    }
    return { failed: [] };
  }

  recent(): readonly RecentEvent[] {
    return this.recentEvents;
  }

  deadLetters(): DeadLetter[] {
    return [...this.dead.values()];
  }

  /** Sends a dead letter to its rule again (fresh attempts); false when there is no such letter. */
  redrive(id: string): boolean {
    const letter = this.dead.get(id);
    const rule = letter && this.rules.find((candidate) => candidate.name === letter.rule);
    if (!letter || !rule || this.stopped) return false;
    this.dead.delete(id);
    const recent = this.recentEvents.find((candidate) => candidate.event.id === letter.event.id);
    const state: DeliveryState = { rule: rule.name, status: 'pending', attempts: 0 };
    recent?.deliveries.push(state);
    this.schedule(rule, letter.event, state, 0);
    return true;
  }

  /** Resolves when nothing is being delivered or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stops accepting events, cancels pending retries and waits for deliveries in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(rule: LocalRule, event: EventEnvelope, state: DeliveryState, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopped) return;
      const delivery = this.deliver(rule, event, state).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }, delayMs);
    this.timers.add(timer);
  }

  private async deliver(rule: LocalRule, event: EventEnvelope, state: DeliveryState): Promise<void> {
    state.attempts += 1;
    try {
      await rule.target(event);
      state.status = 'delivered';
      state.lastError = undefined;
    } catch (error) {
      state.lastError = (error as Error).message;
      if (state.attempts < this.maxAttempts && !this.stopped) {
        state.status = 'retrying';
        this.schedule(
          rule,
          event,
          state,
          Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (state.attempts - 1)),
        );
        return;
      }
      state.status = 'dead';
      const id = uuidv7();
      this.dead.set(id, {
        id,
        rule: rule.name,
        event,
        attempts: state.attempts,
        error: state.lastError,
        deadAt: new Date().toISOString(),
      });
      this.options.onError?.('Event dead-lettered', {
        rule: rule.name,
        eventId: event.id,
        error: state.lastError,
      });
    }
  }
}
