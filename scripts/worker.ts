// `npm run worker`: a request worker for production, configured only by the environment
// (docs/production.md); run as many as the load needs. It also starts the daily purge of
// expired access packages (once per namespace).
import { runEntry } from '../app/run-entry';

runEntry('worker', { checkSettings: true, startPurge: true });
