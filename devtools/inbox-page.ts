// A small web inbox over the mail catcher, so a person running the product can read the
// codes and replies it sent. Development only: it shows every message in full.
import { createServer, type Server } from 'node:http';
import { html } from '../markup/html';
import type { MailCatcher } from './mail-catcher';

function renderInbox(catcher: MailCatcher): string {
  const rows = catcher
    .messages()
    .reverse()
    .map(
      (m, i) =>
        html`${i > 0 && html`<hr>`}<article><h2>${m.subject}</h2><p><b>To:</b> ${m.to.join(', ')} · <b>At:</b> ${m.receivedAt.toISOString()}</p><pre>${m.text}</pre></article>`,
    );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Development inbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem}</style></head>
<body><h1>Development inbox</h1><p>Mail sent by the engine to any address (newest first). Reload to refresh.</p>${rows.length > 0 ? rows : html`<p>No mail yet.</p>`}</body></html>`.markup;
}

/** Serves the inbox as HTML at / and JSON at /api/messages. */
export async function startInboxPage(catcher: MailCatcher, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/messages')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(catcher.messages()));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(renderInbox(catcher));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
