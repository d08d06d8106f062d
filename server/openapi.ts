// The OpenAPI document's frame; its paths come from the route schemas themselves, so the
// document cannot drift from what the server validates and answers.
import type { SwaggerOptions } from '@fastify/swagger';
import { DRP_TAG } from './drp/schemas';
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
        drpBearer: { type: 'http', scheme: 'bearer', description: 'The token of DRP pair-wise key setup (POST /drp/v1/agent/{agentId}), bound to one agent.' },
      },
    },
  },
};
