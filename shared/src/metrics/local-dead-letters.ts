/**
 * The local event bus's dead letters, as the metrics source and the tenant's
 * usage page see them. The bus lives in the local runtime (infra/local), which
 * functions never import; it registers itself here when it starts, the way
 * AWS has its SQS dead-letter queues. Unregistered (a unit test, AWS) there is
 * nothing to read.
 */
export interface LocalDeadLetter {
  id: string;
  rule: string;
  tenantId: string;
  eventId: string;
  eventType: string;
  attempts: number;
  error: string;
  deadAt: string;
}

export interface LocalDeadLetters {
  list(): LocalDeadLetter[];
  /** Sends one to its rule again; false when there is no such letter. */
  redrive(id: string): boolean;
}

let registered: LocalDeadLetters | undefined;

export function registerLocalDeadLetters(letters: LocalDeadLetters | undefined): void {
  registered = letters;
}

export function localDeadLetters(): LocalDeadLetters | undefined {
  return registered;
}
