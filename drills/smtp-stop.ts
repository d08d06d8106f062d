// Drill 3: the SMTP server is stopped for longer than the first few mail retries
// (workflows/activity-options.ts: 1 s, doubling, unlimited attempts), then started again on
// the same port. Replies that failed while it was down must arrive afterwards, once each.
import type { Drill } from './drill';

export const SMTP_DOWN_MS = 20_000;

export function smtpStopDrill(downMs = SMTP_DOWN_MS): Drill {
  return {
    name: 'smtp-stop',
    fault: `SMTP server stopped for ${downMs / 1000} s, restarted on the same port`,
    async inject({ stack, event, problem, sleep, closedShare }) {
      await closedShare(0.1);
      await stack.mail.stop();
      const before = stack.mail.messages().length;
      event(`SMTP server stopped (${before} mails received so far)`);
      await sleep(downMs);
      await stack.mail.start();
      event('SMTP server started again');
      // The outage must have held mail back, or the drill proved nothing.
      await sleep(5000);
      const after = stack.mail.messages().length - before;
      if (after === 0) problem('no mail arrived after the SMTP server returned: the outage held nothing back');
      else event(`${after} mails arrived since it returned`);
    },
  };
}
