// The one stylesheet of portal and console: Pico CSS (a small, well-kept classless-first
// framework: semantic HTML looks right without classes or scripts, and it is responsive down to
// a phone), our few additions (app.css), and the controller's colour from its profile.
// Served by the app itself, so the CSP's default-src 'self' covers them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { serverProfile, type ServerDeps } from '../../deps';

const PICO = readFileSync(require.resolve('@picocss/pico/css/pico.min.css'), 'utf8');
const APP = readFileSync(join(__dirname, 'app.css'), 'utf8');
const COLOUR = /^#[0-9a-fA-F]{3,8}$/;
const HEADERS = { 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'" };

/** The stylesheet links every page carries, in order. */
export const STYLESHEETS = ['/assets/pico.min.css', '/assets/app.css', '/assets/brand.css'] as const;

/** The brand colour as Pico's primary colour; a colour the profile spells oddly is left out rather than trusted into CSS. */
export function brandCss(colour: string): string {
  if (!COLOUR.test(colour)) return '';
  return `:root{--pico-primary:${colour};--pico-primary-background:${colour};--pico-primary-border:${colour};--pico-primary-underline:${colour}80;--pico-primary-hover:${colour};--pico-primary-hover-background:${colour};--pico-primary-focus:${colour}40;}\n`;
}

/** GET /assets/*.css. */
export const assetsRoutes =
  (deps: ServerDeps): FastifyPluginAsync =>
  async (app) => {
    const css = (body: () => string) => async (_req: unknown, reply: import('fastify').FastifyReply) => reply.headers(HEADERS).type('text/css; charset=utf-8').send(body());
    app.get('/assets/pico.min.css', { schema: { hide: true } }, css(() => PICO));
    app.get('/assets/app.css', { schema: { hide: true } }, css(() => APP));
    app.get('/assets/brand.css', { schema: { hide: true } }, css(() => brandCss(serverProfile(deps).profile.branding.colour)));
  };
