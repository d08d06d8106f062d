// Outgoing mail over SMTP: a thin transport. Each message carries a stable Message-ID derived
// from what it answers; activities send through mail/sent-log.ts, which uses the same key to
// deliver each message once.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id that starts with the request id, e.g. "<request id>.notice.withdrawn.1";
   *  becomes the Message-ID and the sent-log's key, so a new message needs a new key. */
  messageKey: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

/** The nodemailer options for an SMTP server, shared by the mailer and the health check. */
export function smtpTransportOptions(settings: Omit<SmtpSettings, 'from'>) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.pass } : undefined,
    // Loopback catchers in development speak plain SMTP; production relays use TLS.
    ignoreTLS: !settings.secure && ['127.0.0.1', 'localhost'].includes(settings.host),
  };
}

/** A mailer that delivers through the given SMTP server. */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    ...smtpTransportOptions(settings),
    // A server that falls silent is given up on within seconds, so an attempt ends near the
    // activity's 30-second timeout and well inside the sent-log's lease; nodemailer's
    // defaults (up to ten minutes of silence) would outlive both.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const domain = settings.from.match(/@([^>\s]+)/)?.[1] ?? 'dsr.local';
  return {
    async send(mail) {
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.messageKey}@${domain}>`,
      });
    },
    close: () => transport.close(),
  };
}
