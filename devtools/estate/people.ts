// Made-up data subjects for the demo and test estate: the same index always gives the same
// person, with no network and no randomness from outside, so a seed can be run again and
// find what it wrote. Half are named in Chinese, half in English.
import { createHash } from 'node:crypto';

export const DEMO_SUBJECT_EMAIL = 'li.wei@example.com';

export interface Person {
  index: number;
  email: string;
  fullName: string;
  phone: string;
  companyName: string | null;
  city: string;
  address: string;
  language: 'zh' | 'en';
  plan: 'basic' | 'professional' | 'enterprise';
}

const ZH_SURNAMES = [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'], ['周', 'zhou'], ['吴', 'wu']] as const;
const ZH_GIVEN = [['芳', 'fang'], ['伟', 'wei'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['洋', 'yang'], ['婷', 'ting'], ['建华', 'jianhua'], ['晓明', 'xiaoming'], ['秀英', 'xiuying'], ['志强', 'zhiqiang']] as const;
const EN_FIRST = ['Emily', 'James', 'Olivia', 'Daniel', 'Sophie', 'Thomas', 'Grace', 'Henry', 'Chloe', 'Samuel', 'Hannah', 'Oliver'];
const EN_LAST = ['Carter', 'Smith', 'Brown', 'Taylor', 'Walker', 'Wright', 'Evans', 'Hughes', 'Clarke', 'Turner'];
const ZH_CITIES = [['深圳', '南山区科技园路'], ['上海', '浦东新区世纪大道'], ['北京', '海淀区中关村大街'], ['杭州', '西湖区文三路'], ['广州', '天河区天河路']] as const;
const EN_CITIES = [['London', 'Baker Street'], ['Berlin', 'Friedrichstrasse'], ['Singapore', 'Orchard Road'], ['San Francisco', 'Market Street'], ['Sydney', 'George Street']] as const;
const ZH_COMPANIES = ['深圳示例科技有限公司', '上海云端信息技术有限公司', '杭州星河网络有限公司'];
const EN_COMPANIES = ['Example Cloud Ltd.', 'Northwind Trading GmbH', 'Blue Harbour Pte. Ltd.'];
const PLANS = ['basic', 'professional', 'enterprise'] as const;

/** A small deterministic generator (mulberry32) for one person's choices. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of the items, by the generator. */
export const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

/** A UUID that depends only on its parts, so a row seeded twice has the same id. */
export function seededUuid(...parts: Array<string | number>): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The person of that index; index 0 is the demo subject li.wei@example.com. */
export function person(index: number): Person {
  const next = generator(index + 1);
  const plan = pick(next, PLANS);
  const tag = String(index).padStart(4, '0');
  if (index === 0) {
    return { index, email: DEMO_SUBJECT_EMAIL, fullName: 'Li Wei', phone: '+86 138 0013 8000', companyName: 'Shenzhen Demo Co., Ltd.', city: '深圳', address: '深圳市南山区科技园路 1 号', language: 'zh', plan: 'enterprise' };
  }
  const digits = () => String(Math.floor(next() * 1e8)).padStart(8, '0');
  if (index % 2 === 1) {
    const [surname, surnamePinyin] = pick(next, ZH_SURNAMES);
    const [given, givenPinyin] = pick(next, ZH_GIVEN);
    const [city, street] = pick(next, ZH_CITIES);
    return {
      index,
      email: `${givenPinyin}.${surnamePinyin}.${tag}@example.com`,
      fullName: `${surname}${given}`,
      phone: `+86 13${Math.floor(next() * 10)} ${digits().slice(0, 4)} ${digits().slice(0, 4)}`,
      companyName: next() < 0.5 ? pick(next, ZH_COMPANIES) : null,
      city,
      address: `${city}市${street} ${1 + Math.floor(next() * 300)} 号`,
      language: 'zh',
      plan,
    };
  }
  const first = pick(next, EN_FIRST);
  const last = pick(next, EN_LAST);
  const [city, street] = pick(next, EN_CITIES);
  return {
    index,
    email: `${first.toLowerCase()}.${last.toLowerCase()}.${tag}@example.com`,
    fullName: `${first} ${last}`,
    phone: `+44 20 ${digits().slice(0, 4)} ${digits().slice(0, 4)}`,
    companyName: next() < 0.5 ? pick(next, EN_COMPANIES) : null,
    city,
    address: `${1 + Math.floor(next() * 300)} ${street}, ${city}`,
    language: 'en',
    plan,
  };
}

/** The first `count` people. */
export const people = (count: number): Person[] => Array.from({ length: count }, (_, i) => person(i));
