// `npm run serve`: the HTTP API (portal, console, staff API) for production, configured only
// by the environment (docs/production.md). Run workers beside it with `npm run worker`.
import { runEntry } from '../app/run-entry';

runEntry('serve', { checkSettings: true });
