// The OpenAPI document's frame; its paths come from the route schemas themselves, so the
// document cannot drift from what the server validates and answers.
import type { SwaggerOptions } from '@fastify/swagger';
import type { OpenAPIV3_1 } from 'openapi-types';
import { DRP_TAG } from './drp/schemas';
import { withSecurityAndLinks } from './openapi-links';
import { optionalFormBodies } from './pages/form-doc';
import { SESSION_COOKIE } from './staff/session';
import { statusTokenSecuritySchemes } from './status-auth';

/** Options for @fastify/swagger: OpenAPI 3.1, which takes TypeBox's JSON Schema as it is. */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'DSR engine API',
      version: '0.1.0',
      description:
        'Data-subject requests (access, correction, deletion). A submitted request answers with a secret status link; ' +
        'every later call for that request must present its token. Errors are `{ error, message }`.',
    },
    tags: [
      { name: 'requests', description: 'Submitting a request.' },
      { name: 'status link', description: 'The subject’s side of one request, behind its status token.' },
      {
        name: 'staff',
        description:
          'The staff console, behind a sign-in: POST /api/staff/session sets the HttpOnly `dsr_staff` cookie and answers with a CSRF token, ' +
          'to be sent as `X-CSRF-Token` with every call that changes something. Each route names the role it needs.',
      },
      { name: 'reports', description: 'Counts and durations of requests for compliance and admins, behind the staff sign-in; never personal data.' },
      { name: 'service', description: 'Readiness (Temporal, database, SMTP) and this document.' },
      { name: 'portal', description: 'The subject’s HTML pages and forms (application/x-www-form-urlencoded); every answer is HTML, errors included.' },
      {
        name: 'console',
        description:
          'The staff console’s HTML pages and forms, behind the same session cookie (scoped to /console when set by the console’s own sign-in); ' +
          'every form post carries the page’s `_csrf` field. Without a session a page answers 303 to /console/login.',
      },
      { name: 'codec', description: 'Temporal’s remote codec for the Web UI and CLI (served only when CODEC_AUTH_TOKEN is set): decrypts history payloads for staff.' },
      {
        name: DRP_TAG,
        description:
          'Authorized agents over the Data Rights Protocol 1.0 (served only when DRP_AGENT_DIRECTORY and DRP_BUSINESS_ID are set, under DRP_BASE_PATH, default /drp). ' +
          'Bodies are signed text/plain messages; answers are JSON; errors are `{ code, message, fatal? }` (§3.06). See docs/drp.md.',
      },
    ],
    components: {
      securitySchemes: {
        ...statusTokenSecuritySchemes,
        staffSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by POST /api/staff/session (or the console’s sign-in).' },
        codecBearer: { type: 'http', scheme: 'bearer', description: 'CODEC_AUTH_TOKEN.' },
        drpBearer: { type: 'http', scheme: 'bearer', description: 'The token of DRP pair-wise key setup (POST /drp/v1/agent/{agentId}), bound to one agent.' },
      },
    },
  },
  // Only an OpenAPI 3 document is built here (the `openapi` key above).
  transformObject: (doc) => optionalFormBodies(withSecurityAndLinks(('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject) as OpenAPIV3_1.Document)),
};
