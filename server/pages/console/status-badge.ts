// A request status as a coloured badge with its words: colour groups the statuses (open,
// waiting on someone, stuck, done, closed otherwise); the words carry the meaning.
import { html, type Html } from '../../../markup/html';
import { labelOf, type ConsoleText } from './console-text';

const TONE: Readonly<Record<string, string>> = {
  RECEIVED: 'open',
  IN_FULFILMENT: 'open',
  AWAITING_VERIFICATION: 'waiting',
  AWAITING_FEE: 'waiting',
  AWAITING_DECISION: 'waiting',
  AWAITING_APPROVAL: 'waiting',
  STUCK: 'stuck',
  COMPLETED: 'done',
};

/** The status badge; an unknown status is shown in words with the neutral colour. */
export const statusBadge = (t: ConsoleText, status: string): Html => html`<span class="badge ${TONE[status] ?? 'closed'}" data-status="${status}">${labelOf(t.status, status)}</span>`;
