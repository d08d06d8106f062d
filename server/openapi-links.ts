// What the OpenAPI document says besides the route schemas: which staff routes need the
// session cookie, and the links between operations (OpenAPI 3.1 §4.8.20), which tell a
// client, and schemathesis' stateful phase (`npm run fuzz`), how the answer of one call
// feeds the next: a submitted request's id and status token open its status link; a staff
// sign-in's cookie and CSRF token open the console's API; a request staff opened is read
// and acted on by its id.
import type { OpenAPIV3_1 } from 'openapi-types';
import { SESSION_COOKIE } from './staff/session';

type Doc = OpenAPIV3_1.Document;
type Link = OpenAPIV3_1.LinkObject;

/** The staff routes open without a session: signing in. */
const SIGN_IN = new Set(['post /api/staff/session', 'post /api/staff/session/totp']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The JSON Pointer of an operation, as a link's operationRef. */
const ref = (path: string, method: string) => `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;

const SUBMITTED_STATUS_LINK = { 'path.id': '$response.body#/requestId', 'header.X-Status-Token': '$response.body#/statusToken' };
// The cookie from Set-Cookie (its value only), and the CSRF token the sign-in answers with.
const SIGNED_IN = { [`cookie.${SESSION_COOKIE}`]: `$response.header.Set-Cookie#regex:${SESSION_COOKIE}=([^;]+)`, 'header.X-CSRF-Token': '$response.body#/csrfToken' };
const STAFF_OPENED = { 'path.id': '$response.body#/requestId' };

interface LinkSpec {
  from: [path: string, method: string, status: string];
  links: Record<string, { to: [path: string, method: string]; parameters: Record<string, string>; description: string }>;
}

const LINKS: LinkSpec[] = [
  {
    from: ['/api/requests', 'post', '202'],
    links: {
      Status: { to: ['/api/requests/{id}', 'get'], parameters: SUBMITTED_STATUS_LINK, description: 'Where the submitted request stands.' },
      Verify: { to: ['/api/requests/{id}/verification', 'post'], parameters: SUBMITTED_STATUS_LINK, description: 'Give its mailed code.' },
      Resend: { to: ['/api/requests/{id}/verification/resend', 'post'], parameters: SUBMITTED_STATUS_LINK, description: 'Mail a new code.' },
      Withdraw: { to: ['/api/requests/{id}/withdraw', 'post'], parameters: SUBMITTED_STATUS_LINK, description: 'Withdraw it.' },
      StatusPage: { to: ['/portal/requests/{id}', 'get'], parameters: SUBMITTED_STATUS_LINK, description: 'Its status page in the portal.' },
    },
  },
  {
    from: ['/api/staff/session', 'post', '200'],
    links: {
      Me: { to: ['/api/staff/me', 'get'], parameters: SIGNED_IN, description: 'Who signed in.' },
      Queue: { to: ['/api/staff/queue', 'get'], parameters: SIGNED_IN, description: 'The review queue.' },
      OpenRequest: { to: ['/api/staff/requests', 'post'], parameters: SIGNED_IN, description: 'Open a request on a subject’s behalf.' },
      SignOut: { to: ['/api/staff/session', 'delete'], parameters: SIGNED_IN, description: 'Sign out again.' },
    },
  },
  {
    from: ['/api/staff/session', 'post', '202'],
    links: { Code: { to: ['/api/staff/session/totp', 'post'], parameters: SIGNED_IN, description: 'Give the TOTP code on the pending session.' } },
  },
  {
    from: ['/api/staff/session/totp', 'post', '200'],
    links: {
      Me: { to: ['/api/staff/me', 'get'], parameters: SIGNED_IN, description: 'Who signed in.' },
      Queue: { to: ['/api/staff/queue', 'get'], parameters: SIGNED_IN, description: 'The review queue.' },
    },
  },
  {
    from: ['/api/staff/requests', 'post', '202'],
    links: {
      Status: { to: ['/api/staff/requests/{id}', 'get'], parameters: STAFF_OPENED, description: 'Where the opened request stands.' },
      Timeline: { to: ['/api/staff/requests/{id}/timeline', 'get'], parameters: STAFF_OPENED, description: 'Its timeline.' },
      Approve: { to: ['/api/staff/requests/{id}/approve', 'post'], parameters: STAFF_OPENED, description: 'Approve it (a second person).' },
      Decide: { to: ['/api/staff/requests/{id}/decide', 'post'], parameters: STAFF_OPENED, description: 'Decide on it.' },
      Withdraw: { to: ['/api/staff/requests/{id}/withdraw', 'post'], parameters: STAFF_OPENED, description: 'Withdraw it.' },
      ConsolePage: { to: ['/console/requests/{id}', 'get'], parameters: STAFF_OPENED, description: 'Its page in the console.' },
    },
  },
];

/** Adds the staff session requirement and the links; run over the finished document (`transformObject`). */
export function withSecurityAndLinks(doc: Doc): Doc {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/api/staff/') || !item) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (operation && !operation.security && !SIGN_IN.has(`${method} ${path}`)) operation.security = [{ staffSession: [] }];
    }
  }
  for (const { from, links } of LINKS) {
    const [path, method, status] = from;
    const response = doc.paths?.[path]?.[method as (typeof METHODS)[number]]?.responses?.[status] as OpenAPIV3_1.ResponseObject | undefined;
    // A route not served in this configuration (or a link written wrong) is a mistake in this file: fail loudly.
    if (!response) throw new Error(`OpenAPI link source missing: ${method.toUpperCase()} ${path} ${status}`);
    response.links = Object.fromEntries(
      Object.entries(links).map(([name, link]): [string, Link] => {
        if (!doc.paths?.[link.to[0]]?.[link.to[1] as (typeof METHODS)[number]]) throw new Error(`OpenAPI link target missing: ${link.to[1].toUpperCase()} ${link.to[0]}`);
        return [name, { operationRef: ref(...link.to), parameters: link.parameters, description: link.description }];
      }),
    );
  }
  return doc;
}
