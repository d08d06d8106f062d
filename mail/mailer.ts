// Outgoing mail over SMTP. Each message carries a stable Message-ID derived from what it
// answers, so a receiving system (and our tests) can recognise a repeat.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id, e.g. "<request id>.verification-code.1"; becomes the Message-ID. */
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

/** A mailer that delivers through the given SMTP server. */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.pass } : undefined,
    // Loopback catchers in development speak plain SMTP; production relays use TLS.
    ignoreTLS: !settings.secure && ['127.0.0.1', 'localhost'].includes(settings.host),
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
