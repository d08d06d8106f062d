// A stand-in for a third-party processor's system (a partner CRM the user would own and
// reach over its own API): the one kind of store tests may fake. It can be told to fail.
import type { DataStore } from '../../stores/data-store';

export class PartnerStore implements DataStore {
  readonly name = 'partner-crm';
  readonly categories = ['marketing'] as const;
  failing = false;
  erasedFor = new Set<string>();

  private check(): void {
    // A plain, non-personal message: this is what compliance sees as the failure reason.
    if (this.failing) throw new Error('partner-crm: HTTP 503 Service Unavailable');
  }

  async locate(subject: { subjectId: string }) {
    return { marketing: this.erasedFor.has(subject.subjectId) ? 0 : 1 };
  }

  async *exportStream() {
    this.check();
    yield { category: 'marketing', record: { segment: 'newsletter' } };
  }

  async erase(subject: { subjectId: string }, protectedNow: Parameters<DataStore['erase']>[1]) {
    this.check();
    const protection = await protectedNow('marketing');
    if (protection) return { erased: 0, retained: [{ category: 'marketing', records: 1, reason: protection.reason, reference: protection.reference, basis: protection.basis }] };
    this.erasedFor.add(subject.subjectId);
    return { erased: 1, retained: [] };
  }

  async rectify() {
    this.check();
    return 0;
  }
}
