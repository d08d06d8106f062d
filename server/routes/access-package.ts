// GET /api/requests/:id/package?token=<secret>: the subject's access package, through the
// secret link mailed with the reply (not the status token: this link opens the data).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerDeps } from '../deps';
import { RequestIdParams, withErrors } from '../schemas';
import { openAccessPackage } from '../use-cases/download-access-package';

const PackageQuery = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, description: 'The secret from the download link in the reply mail.' }),
});

/** The 200 answer is the zip itself, not JSON. */
const ZipBody = {
  description: 'The decrypted ZIP: index.html (a readable summary) and a JSON and a CSV file per store and category.',
  content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
};

/** The download route. */
export const accessPackageRoutes =
  (deps: ServerDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const schema = {
      summary: 'Download the access package',
      description:
        'Streams the copy of the subject’s data made for an access request. 404 for a wrong link (wrong secret or request, never saying which); ' +
        '410 once the link has expired or the package was deleted.',
      tags: ['requests'],
      params: RequestIdParams,
      querystring: PackageQuery,
      response: { ...withErrors({}), 200: ZipBody },
    };
    // No HEAD twin: it would run the handler and count a download that never happened.
    app.get('/api/requests/:id/package', { schema, exposeHeadRoute: false }, async (req, reply) => {
      // The answer is personal data and its URL a secret: no cache keeps it, no Referer repeats it.
      reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
      const pkg = await openAccessPackage(deps, req.params.id, req.query.token);
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="${pkg.fileName}"`)
        .header('Content-Length', pkg.sizeBytes)
        .send(pkg.zip);
    });
  };
