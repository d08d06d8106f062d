// The one HTML builder of the house (pages, mails, the access package's summary, the dev
// inbox): every interpolated value is escaped unless it is itself built by `html`, so no
// page or mail can carry markup smuggled in through a value.

/** Markup known to be safe: built by `html`, whose interpolations were escaped. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Tagged template: `html\`<p>${value}</p>\`` escapes `value`; arrays and nested `html` are joined as is. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  // Lets templates write `${cond && html\`...\`}` without printing "false".
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
