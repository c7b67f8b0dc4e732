import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the catcher accepted, parsed. */
export interface CaughtMail {
  /** Order of arrival, from 1. */
  seq: number;
  receivedAt: string;
  messageId: string | undefined;
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  headers: Record<string, string>;
  attachments: { filename: string | undefined; contentType: string; content: string }[];
}

export interface MailCatcherOptions {
  port?: number;
  host?: string;
  /** Wait this long before accepting each message (a slow server, for tests of a sender under load). */
  acceptDelayMs?: number;
  /** Keep at most this many mails (oldest dropped first). */
  keep?: number;
}

export interface MailCatcher {
  port: number;
  url: string;
  readonly mails: readonly CaughtMail[];
  close(): Promise<void>;
}

/**
 * A local SMTP server that keeps what it receives, parsed (smtp-server + mailparser): the development
 * stack's stand-in for a real mail server (shown at /dev/mail), and the tests' and benchmarks' receiver.
 * No TLS and no authentication: it listens on this machine only by default.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const keep = options.keep ?? Number.POSITIVE_INFINITY;
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    banner: 'Coachflow mail catcher',
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      simpleParser(stream)
        .then(async (parsed) => {
          if (options.acceptDelayMs)
            await new Promise((resolve) => setTimeout(resolve, options.acceptDelayMs));
          seq += 1;
          mails.push({
            seq,
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId,
            from: parsed.from?.text ?? '',
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            headers: Object.fromEntries(
              [...parsed.headers.entries()].map(([name, value]) => [name, headerText(value)]),
            ),
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename,
              contentType: attachment.contentType,
              content: attachment.content.toString('utf8'),
            })),
          });
          if (mails.length > keep) mails.splice(0, mails.length - keep);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      // A client that vanishes mid-session (a worker killed by a test or by Ctrl-C) resets its socket; that
      // ends its session, not the catcher. Unheard, the second such error would be thrown in this process.
      server.on('error', () => undefined);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (value && typeof value === 'object' && 'value' in value)
    return String((value as { value: unknown }).value);
  return JSON.stringify(value);
}
