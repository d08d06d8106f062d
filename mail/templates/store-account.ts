// "Where we looked": one line per store of the data map, in every reply and in the deletion
// certificate's mail, so the subject reads which systems were searched, which held nothing, and
// which were not searched and why. Store names, counts and reasons only.
import type { StoreAccount } from '../../domain/store-account';
import type { Language } from '../../domain/request-kinds';
import { bulletList } from './format';

const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;
const sum = (located: Record<string, number> | undefined) => Object.values(located ?? {}).reduce((a, b) => a + b, 0);

/** One store's line: searched with counts, searched and nothing found, or not searched with the reason. */
export function storeAccountLine(s: StoreAccount, l: Language): string {
  if (s.result === 'NOTHING_FOUND') return l === 'zh' ? `${s.store}：已查找，未发现您的个人信息` : `${s.store}: searched, nothing found`;
  if (s.result === 'SEARCHED') {
    const n = sum(s.located);
    if (s.settledBy === 'MANUAL' && n === 0) return l === 'zh' ? `${s.store}：已由工作人员人工查找并处理` : `${s.store}: searched and worked by a person`;
    return l === 'zh' ? `${s.store}：已查找，找到 ${n} 条记录` : `${s.store}: searched, ${records(n)} found`;
  }
  const skipped = s.settledBy === 'SKIPPED' ? (l === 'zh' ? `；合规团队决定不处理该系统，理由：${s.justification ?? ''}` : `; left out by our compliance team, who gave this justification: ${s.justification ?? ''}`) : '';
  return (l === 'zh' ? `${s.store}：未查找（${s.reason ?? ''}）` : `${s.store}: NOT SEARCHED (${s.reason ?? ''})`) + skipped;
}

/** The whole list, one store a line; empty when nothing was recorded. */
export function storeAccountList(stores: readonly StoreAccount[], l: Language): string {
  return bulletList(stores.map((s) => storeAccountLine(s, l)));
}

/** The paragraph that introduces the list, or none for a request with no record of its search. */
export function storeAccountParagraph(stores: readonly StoreAccount[] | undefined, l: Language): string[] {
  if (!stores?.length) return [];
  return [l === 'zh' ? `我们查找的系统：\n${storeAccountList(stores, 'zh')}` : `Where we looked, system by system:\n${storeAccountList(stores, 'en')}`];
}
