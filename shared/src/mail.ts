import { getConfig } from './config';
import { createLogger } from './observability';

/**
 * Email the platform sends itself (security alerts to a tenant's admins),
 * beside what Cognito mails on its own (codes, temporary passwords). In AWS
 * it goes through Amazon SES v2 from `MAIL_FROM`; the local runtime installs
 * a mailer that files each message in the developer mailbox (`/dev/mailbox`).
 */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text: nothing a recipient's client could render as markup. */
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const logger = createLogger('platform-mail');

let current: Mailer | undefined;

/** No sender configured: the message is dropped with a warning, so a missing setting never fails the caller's work. */
const unconfiguredMailer: Mailer = {
  async send(message) {
    logger.warn('No mail sender configured (MAIL_FROM); an email was not sent', { subject: message.subject });
  },
};

/** SES v2, loaded on first send so code that never mails never loads the SDK. */
function sesMailer(from: string): Mailer {
  let client:
    | Promise<{ send(command: unknown): Promise<unknown>; command(message: MailMessage): unknown }>
    | undefined;
  const load = async () => {
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const ses = new SESv2Client({});
    return {
      send: (command: unknown) => ses.send(command as InstanceType<typeof SendEmailCommand>),
      command: (message: MailMessage) =>
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
        }),
    };
  };
  return {
    async send(message) {
      client ??= load();
      const ses = await client;
      await ses.send(ses.command(message));
    },
  };
}

/** The process-wide mailer: `setMailer` wins (the local runtime, tests); else SES when MAIL_FROM is set; else none. */
export function getMailer(): Mailer {
  if (current) return current;
  const from = getConfig().MAIL_FROM;
  if (!from) return unconfiguredMailer;
  current = sesMailer(from);
  return current;
}

export function setMailer(mailer: Mailer | undefined): void {
  current = mailer;
}
