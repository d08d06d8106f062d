// Signing a member of staff in over the API as their client would: the password, and for
// compliance and admin the TOTP code of the secret shown at the first sign-in, computed as their
// authenticator app would (`now`: the server's clock, when the test gives it one).
import { totpCodeAt } from '../../server/staff/totp';

export interface ApiSignIn {
  /** "dsr_staff=<token>", ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** The raw Set-Cookie header of the sign-in, to check its flags. */
  setCookie: string;
  /** Compliance and admin: the TOTP secret set up at the first sign-in. */
  totpSecret?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Signs in with the password and, when the server asks for it, the code; throws on any refusal. */
export async function signInOverApi(baseUrl: string, username: string, password: string, now: () => Date = () => new Date()): Promise<ApiSignIn> {
  const res = await fetch(`${baseUrl}/api/staff/session`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username, password }) });
  if (res.status === 202) {
    const due = (await res.json()) as { csrfToken: string; setup?: { secret: string } };
    if (!due.setup) throw new Error('The account has a TOTP secret set up already; sign it in with its code.');
    const pendingCookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const code = await totpCodeAt(due.setup.secret, now());
    const done = await fetch(`${baseUrl}/api/staff/session/totp`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, cookie: pendingCookie, 'x-csrf-token': due.csrfToken },
      body: JSON.stringify({ code }),
    });
    if (done.status !== 200) throw new Error(`Staff sign-in code refused with ${done.status}.`);
    const setCookie = done.headers.get('set-cookie') ?? '';
    const { csrfToken } = (await done.json()) as { csrfToken: string };
    return { cookie: setCookie.split(';')[0]!, csrfToken, setCookie, totpSecret: due.setup.secret };
  }
  if (res.status !== 200) throw new Error(`Staff sign-in failed with ${res.status}.`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0]!, csrfToken, setCookie };
}
