// Under the residence choice: which law applies to each residence the form offers and how
// long it gives us, so the subject knows what they choose. From the controller profile's
// residence → regime table and the regimes' own deadlines (status-facts.ts words them).
import { activeProfile, type ControllerProfile } from '../../config/controller-profile';
import type { Language } from '../../domain/request-kinds';
import { regimeForResidence } from '../../policy';
import { html, type Html } from '../../markup/html';
import { lawInWords } from './status-facts';

const WORDS = { en: 'Which law applies where you live', zh: '您所在地适用的法律' } as const;

/** A folded list "China: China PIPL: we must answer within …", one line per residence offered. */
export function residenceLaws(lang: Language, profile: ControllerProfile = activeProfile().profile): Html {
  const lines = profile.residences.flatMap((r) => {
    if (!r.label) return [];
    const regime = regimeForResidence(r.code, profile.residences, profile.defaultRegime);
    return [html`<li><strong>${r.label[lang]}</strong>: ${lawInWords(lang, regime, 'ACCESS')}</li>`];
  });
  return html`<details id="residence-laws"><summary>${WORDS[lang]}</summary><ul>${lines}</ul></details>`;
}
