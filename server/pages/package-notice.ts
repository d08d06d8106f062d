// The status page's word on the access package. The link's secret is mailed and never
// stored, so the page cannot show the link itself: it says where the link is and how long
// it works, or that it has expired.
import { utcMinute } from '../../mail/templates/format';
import type { Db } from '../../db/prisma';
import type { Language } from '../../domain/request-kinds';
import { html, type Html } from '../../markup/html';

export interface PackageNoticeFacts {
  state: 'READY' | 'EXPIRED';
  expiresAt: Date;
}

/** The package's state for the status page, or null while there is none. */
export async function packageNoticeFacts(db: Db, requestId: string, now: Date): Promise<PackageNoticeFacts | null> {
  const pkg = await db.accessPackage.findUnique({ where: { requestId }, select: { expiresAt: true, purgedAt: true } });
  if (!pkg) return null;
  return { state: pkg.purgedAt || pkg.expiresAt <= now ? 'EXPIRED' : 'READY', expiresAt: pkg.expiresAt };
}

const WORDS = {
  en: {
    title: 'Download your data',
    ready: (until: string) => `A copy of your data is ready. We sent a download link to your e-mail address; it works until ${until}.`,
    expired: (until: string) => `The download link expired on ${until} and the copy was deleted. You may make a new request.`,
  },
  zh: {
    title: '下载您的个人信息',
    ready: (until: string) => `您的个人信息副本已可下载。下载链接已发送至您的电子邮箱，有效期至 ${until}。`,
    expired: (until: string) => `下载链接已于 ${until} 失效，副本已删除。您可以重新提出请求。`,
  },
} satisfies Record<Language, unknown>;

/** The notice, dates in UTC to the minute as in the reply mail. */
export function packageNotice(lang: Language, facts: PackageNoticeFacts): Html {
  const t = WORDS[lang];
  const until = utcMinute(facts.expiresAt);
  return html`<section class="notice" role="status" id="access-package"><h2>${t.title}</h2><p>${facts.state === 'READY' ? t.ready(until) : t.expired(until)}</p></section>`;
}
