// The SMTP catcher as a drill needs it: stoppable and restartable on the same port, with
// every message kept across restarts, so replies can be counted per request at the end.
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../devtools/mail-catcher';

export interface DrillMailServer {
  port: number;
  /** Every message received by any incarnation of the catcher, in arrival order. */
  messages(): CaughtMail[];
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  up(): boolean;
}

export async function startDrillMailServer(): Promise<DrillMailServer> {
  const first = await startMailCatcher(0);
  const port = first.port;
  // Each incarnation keeps its own inbox; a stopped one is still read.
  const incarnations: MailCatcher[] = [first];
  let current: MailCatcher | null = first;
  return {
    port,
    messages: () => incarnations.flatMap((c) => c.messages()),
    async stop() {
      if (!current) return;
      const closing = current;
      current = null;
      await closing.close();
    },
    async start() {
      if (current) return;
      current = await startMailCatcher(port);
      incarnations.push(current);
    },
    up: () => current !== null,
  };
}
