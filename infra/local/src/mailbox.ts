/** What Cognito or Halooid would email, kept for the developer to read at `GET /dev/mailbox`. */
export interface MailItem {
  to: string;
  subject: string;
  body: string;
  code?: string;
  sentAt: string;
}

export class Mailbox {
  readonly #items: MailItem[] = [];

  constructor(private readonly limit = 500) {}

  deliver(item: Omit<MailItem, 'sentAt'>): void {
    this.#items.push({
      ...item,
      ...(item.code ? {} : { code: undefined }),
      sentAt: new Date().toISOString(),
    });
    if (this.#items.length > this.limit) this.#items.shift();
  }

  /** Newest last. */
  list(to?: string): MailItem[] {
    return this.#items.filter((item) => !to || item.to.toLowerCase() === to.toLowerCase());
  }
}
