// The HTML pages and forms in the OpenAPI document, so that `npm run fuzz` reaches them too
// (issue 13 item 10): each form post is described as an application/x-www-form-urlencoded
// operation answering HTML. Only the document changes: the route keeps its own checks (its
// path parameters, the form read field by field), because a form's problems are shown next
// to their fields on the page in the reader's language, not refused by a schema up front.
import type { SwaggerTransform } from '@fastify/swagger';
import { Type, type TProperties } from '@sinclair/typebox';
import { statusTokenSecurity } from '../status-auth';
import { CSRF_FIELD } from './console/console-session';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The console's session (the same cookie the staff API sets; the console's own is scoped to /console). */
export const consoleSessionSecurity: ReadonlyArray<Record<string, readonly string[]>> = [{ staffSession: [] }];

/** What each answer of a page or form means; a route names the ones it can give. */
const ANSWERS: Record<number, string> = {
  200: 'The page.',
  303: 'Done, or not signed in: on to the page in Location.',
  400: 'A malformed form or address: an error page.',
  401: 'No status token: an error page.',
  403: 'A wrong or expired token, a form not from this site, or a role without this page: an error page.',
  404: 'No such request or page: an error page.',
  409: 'The request is not in a state for this: the page again with the problem.',
  413: 'The form is too large: an error page.',
  415: 'Not a form: an error page.',
  422: 'The page again, with each problem next to its field.',
  429: 'Too many tries: the page again with the problem.',
};
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
// A redirect has no body, only where to go next.
const redirect = (description: string) => ({ description, type: 'null', headers: { Location: { type: 'string', description: 'The next page.' } } });
// Every page and form may meet these: a body that is not a form, one too large, a limit.
const ALWAYS = [400, 413, 415, 429];

export interface PageDoc {
  summary: string;
  tags: string[];
  /** The answers besides ALWAYS. */
  answers: number[];
  /** A form post's fields, each a string as the browser sends it (optional unless the form always carries it); absent for a page. */
  fields?: TProperties;
  /** Query parameters besides a token (else the route's own querystring schema, if any). */
  query?: TProperties;
  security?: ReadonlyArray<Record<string, readonly string[]>>;
}

/** Route `config` that puts a page or form in the OpenAPI document; the route's own `schema` keeps `hide: true` and its validation. */
export function documentedPage(doc: PageDoc): { swaggerTransform: SwaggerTransform } {
  const response = Object.fromEntries(
    [...new Set([...doc.answers, ...ALWAYS])].sort().map((status) => [status, (status === 303 ? redirect : html)(ANSWERS[status] ?? 'An error page.')]),
  );
  return {
    swaggerTransform: ({ schema, url }) => ({
      url,
      schema: {
        ...schema,
        hide: false,
        summary: doc.summary,
        tags: doc.tags,
        ...(doc.query ? { querystring: Type.Object(doc.query) } : {}),
        ...(doc.security ? { security: doc.security } : {}),
        ...(doc.fields ? { consumes: [FORM_CONTENT_TYPE], body: Type.Object(doc.fields) } : {}),
        response,
      },
    }),
  };
}

/** The portal's pages take their language from `lang`: a preference, never refused (Chinese unless it is `en`). */
const PORTAL_QUERY = { lang: Type.Optional(Type.String({ description: 'en for English; anything else, or nothing, for Chinese.' })) };

/** A portal page open to anyone. */
export const portalPage = (doc: Omit<PageDoc, 'tags' | 'security' | 'query'>) => documentedPage({ ...doc, tags: ['portal'], query: PORTAL_QUERY });

/** A portal page behind the status link: its token in the `token` query parameter or the X-Status-Token header. */
export const statusLinkPage = (doc: Omit<PageDoc, 'tags' | 'security' | 'query'>) =>
  documentedPage({ ...doc, tags: ['portal'], query: PORTAL_QUERY, security: statusTokenSecurity, answers: [401, 403, 404, ...doc.answers] });

/** A console page or form: the session cookie, and on a post the form's CSRF field. */
export const consolePage = (doc: Omit<PageDoc, 'tags' | 'security'>) =>
  documentedPage({
    ...doc,
    tags: ['console'],
    security: consoleSessionSecurity,
    answers: [303, 403, ...doc.answers],
    ...(doc.fields ? { fields: { [CSRF_FIELD]: Type.String({ description: 'The form’s CSRF token, as the page that holds the form gives it.' }), ...doc.fields } } : {}),
  });

/** A form field as the browser sends it. `enum` only where the form refuses any other value
 *  (a value outside it is a problem shown on the page); a checkbox or a choice whose other values
 *  simply mean "no" is a plain string. */
export const field = (description: string, options: { enum?: readonly string[]; maxLength?: number; pattern?: string } = {}) =>
  options.enum
    ? Type.Optional(Type.Union(options.enum.map((v) => Type.Literal(v)), { description }))
    : Type.Optional(Type.String({ description, ...(options.maxLength ? { maxLength: options.maxLength } : {}), ...(options.pattern ? { pattern: options.pattern } : {}) }));

type DocumentPaths = Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: { required?: string[] } }> } } | undefined> | undefined>;

/** A form with no field it must carry may be posted empty (a button alone); @fastify/swagger
 *  marks every body required, so this says otherwise over the finished document. */
export function optionalFormBodies<D extends { paths?: unknown }>(doc: D): D {
  for (const item of Object.values((doc.paths ?? {}) as DocumentPaths)) {
    for (const operation of Object.values(item ?? {})) {
      const form = operation?.requestBody?.content?.[FORM_CONTENT_TYPE];
      if (form && !(form.schema?.required?.length)) operation!.requestBody!.required = false;
    }
  }
  return doc;
}
