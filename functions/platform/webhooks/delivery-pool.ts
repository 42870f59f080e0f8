/**
 * A continuous pool of webhook deliveries: at most `concurrency` in flight,
 * at most `perTenant` of one tenant, and a freed slot is refilled at the next
 * `fill` without waiting for the rest (no batch-and-wait), so one tenant's
 * slow receivers hold only their own tenant's slots. What to claim and how to
 * deliver are passed in: the worker claims from Postgres, tests from arrays.
 */
export interface DeliveryPoolOptions<T extends { tenant_id: string }> {
  concurrency: number;
  perTenant: number;
  /** Claims up to `free` due items, none of a tenant beyond `perTenant` minus `running.get(tenant)`. */
  claim(free: number, running: ReadonlyMap<string, number>): Promise<T[]>;
  /** Delivers one item and records its outcome; a rejection is passed to `onError`. */
  deliver(item: T): Promise<void>;
  onError(error: unknown, item: T): void;
}

export interface DeliveryPool {
  /** Claims due items for the free slots and starts them; resolves with how many started (not when they end). */
  fill(): Promise<number>;
  /** Resolves when any delivery in flight ends, or after `ms`. */
  settle(ms: number): Promise<void>;
  /** Resolves when nothing is in flight. */
  drain(): Promise<void>;
  readonly inFlight: number;
}

export function createDeliveryPool<T extends { tenant_id: string }>(
  options: DeliveryPoolOptions<T>,
): DeliveryPool {
  const running = new Map<string, number>();
  const flights = new Set<Promise<void>>();
  let waiters: (() => void)[] = [];
  let filling: Promise<number> | undefined;

  const start = (item: T) => {
    running.set(item.tenant_id, (running.get(item.tenant_id) ?? 0) + 1);
    const flight: Promise<void> = options
      .deliver(item)
      .catch((error: unknown) => options.onError(error, item))
      .finally(() => {
        const left = (running.get(item.tenant_id) ?? 1) - 1;
        if (left > 0) running.set(item.tenant_id, left);
        else running.delete(item.tenant_id);
        flights.delete(flight);
        const wake = waiters;
        waiters = [];
        for (const waiter of wake) waiter();
      });
    flights.add(flight);
  };

  const fillOnce = async () => {
    const free = options.concurrency - flights.size;
    if (free <= 0) return 0;
    const items = await options.claim(free, new Map(running));
    for (const item of items) start(item);
    return items.length;
  };

  return {
    // Never two claims at once: each must see the other's slots taken.
    fill: () => {
      filling ??= fillOnce().finally(() => {
        filling = undefined;
      });
      return filling;
    },
    settle: (ms) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(
          () => {
            waiters = waiters.filter((waiter) => waiter !== wake);
            resolve();
          },
          Math.max(0, ms),
        );
        waiters.push(wake);
      }),
    drain: async () => {
      while (flights.size > 0) await Promise.all([...flights]);
    },
    get inFlight() {
      return flights.size;
    },
  };
}
