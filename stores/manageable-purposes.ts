// The one vocabulary of purposes a MANAGE request may name, as correctable-fields.ts is for
// corrections: the data map declares, store by store, how each purpose is stopped there
// (`purposes`), the intake and the portal offer exactly these, and the reply letter words each
// one with what changed and what follows from it. Add a purpose here before the map may use it.
import { MANAGE_ACTIONS, type ManageAction } from '../domain/manage';
import type { Language } from '../domain/request-kinds';

export interface ManageablePurpose {
  label: Record<Language, string>;
  /** What the subject can expect once the action is done, per action. */
  consequence: Record<ManageAction, Record<Language, string>>;
}

export const MANAGEABLE_PURPOSES = {
  marketing: {
    label: { zh: '营销信息推送（电子邮件、短信）', en: 'marketing messages (e-mail, text)' },
    consequence: {
      WITHDRAW_CONSENT: { zh: '我们不再向您发送营销信息；您可以随时重新订阅。', en: 'we no longer send you marketing messages; you may subscribe again at any time.' },
      RESTRICT: { zh: '我们暂停向您发送营销信息，并仅存储相关信息。', en: 'marketing messages to you are paused and the related data is only stored.' },
      OBJECT: { zh: '我们不再为营销目的处理您的个人信息。', en: 'we no longer process your personal information for marketing.' },
    },
  },
  'personalised-recommendations': {
    label: { zh: '个性化推荐', en: 'personalised recommendations' },
    consequence: {
      WITHDRAW_CONSENT: { zh: '您看到的推荐内容将不再基于您的个人特征，而是非个性化的通用内容。', en: 'what we recommend to you is no longer based on your personal characteristics: you see general, non-personalised content.' },
      RESTRICT: { zh: '个性化推荐暂停，相关信息仅作存储。', en: 'personalised recommendations are paused and the related data is only stored.' },
      OBJECT: { zh: '我们不再利用您的个人信息进行个性化推荐（《个人信息保护法》第二十四条）。', en: 'we no longer use your personal information for personalised recommendations (PIPL art 24).' },
    },
  },
  'affiliate-sharing': {
    label: { zh: '向关联公司提供', en: 'sharing with our affiliates' },
    consequence: {
      WITHDRAW_CONSENT: { zh: '我们不再向关联公司提供您的个人信息；已提供的部分由关联公司依法处理。', en: 'we no longer share your personal information with our affiliates; what was shared before is handled by them as the law requires.' },
      RESTRICT: { zh: '向关联公司提供您的个人信息暂停。', en: 'sharing your personal information with our affiliates is paused.' },
      OBJECT: { zh: '我们不再向关联公司提供您的个人信息。', en: 'we no longer share your personal information with our affiliates.' },
    },
  },
} as const satisfies Record<string, ManageablePurpose>;

export type ManageablePurposeName = keyof typeof MANAGEABLE_PURPOSES;
export const PURPOSE_NAMES = Object.keys(MANAGEABLE_PURPOSES) as ManageablePurposeName[];

export const isManageablePurpose = (name: string): name is ManageablePurposeName => Object.hasOwn(MANAGEABLE_PURPOSES, name);

/** Why a manage choice cannot be accepted, as the end of "This request …", or null. */
export function manageProblem(purposes: readonly string[], action: string): string | null {
  if (purposes.length === 0) return `names no purpose (one or more of: ${PURPOSE_NAMES.join(', ')})`;
  const unknown = purposes.filter((p) => !isManageablePurpose(p));
  if (unknown.length > 0) return `names unknown purpose "${unknown[0]}" (one of: ${PURPOSE_NAMES.join(', ')})`;
  if (new Set(purposes).size !== purposes.length) return 'names a purpose twice';
  if (!(MANAGE_ACTIONS as readonly string[]).includes(action)) return `asks for unknown action "${action}" (one of: ${MANAGE_ACTIONS.join(', ')})`;
  return null;
}
