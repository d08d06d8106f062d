// The controller's account system as a real OpenID provider (panva's oidc-provider, the
// certified implementation) on loopback, in a process of its own as a deployer's would be.
// It prints {"issuer"} once listening, reads one line {"clientId","clientSecret","redirectUris"}
// on stdin (the engine's address is known only once the engine runs), then prints {"ready":true}.
// Accounts come from ACCOUNTS: {"<login>": {"email": "...", "email_verified": true}}; its
// development login form accepts any password for a listed login.
import http from 'node:http';
import readline from 'node:readline';
import Provider from 'oidc-provider';

const accounts = JSON.parse(process.env.ACCOUNTS ?? '{}');
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

const lines = readline.createInterface({ input: process.stdin });
const [first] = await new Promise((resolve) => lines.once('line', (l) => resolve([l])));
const { clientId, clientSecret, redirectUris } = JSON.parse(first);

const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
  findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined),
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // The engine reads the e-mail from the ID token itself, as the deployer's provider is configured to put it there.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['account-provider-test-cookie-key'] },
});
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
// Ends with the test: stdin closed means the test is done.
lines.on('close', () => server.close(() => process.exit(0)));
