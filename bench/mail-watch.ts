// Watches the SMTP catcher for many recipients at once: one poll over new messages instead
// of one waiter per request (the catcher's waitFor rescans the whole inbox per waiter).
import type { MailCatcher } from '../devtools/mail-catcher';

export interface MailWatch {
  /** Resolves with the receive time (epoch ms) of the first mail to `to` whose subject contains `subject` (or one of them). */
  arrival(to: string, subject: string | readonly string[]): Promise<number>;
  stop(): void;
}

export function watchMail(mail: MailCatcher, pollMs = 10): MailWatch {
  const waiting = new Map<string, { subjects: readonly string[]; resolve: (at: number) => void }>();
  let seen = 0;
  const timer = setInterval(() => {
    const inbox = mail.messages();
    for (; seen < inbox.length; seen++) {
      const m = inbox[seen]!;
      for (const to of m.to) {
        const w = waiting.get(to.toLowerCase());
        if (w && w.subjects.some((s) => m.subject.includes(s))) {
          waiting.delete(to.toLowerCase());
          w.resolve(m.receivedAt.getTime());
        }
      }
    }
  }, pollMs);
  return {
    arrival: (to, subject) => new Promise((resolve) => waiting.set(to.toLowerCase(), { subjects: typeof subject === 'string' ? [subject] : subject, resolve })),
    stop: () => clearInterval(timer),
  };
}
