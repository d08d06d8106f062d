/** One HTTP call with a ready body; returns status, headers and the body parsed as JSON
 *  (or `{ raw }` when it is not JSON). */
export async function request(url: string, method: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(url, { method, headers: init.headers ?? {}, body: init.body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, headers: res.headers, body: json };
}

/** A JSON call against the product's HTTP API; returns status and parsed body. */
export async function api(baseUrl: string, method: string, path: string, body?: unknown) {
  const { status, body: json } = await request(baseUrl + path, method, {
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status, body: json };
}

/** Polls until `probe` returns a value, or fails after the timeout. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('Condition not reached in time.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The eight-digit code in a verification mail's text. */
export function codeIn(text: string): string {
  const match = text.match(/code[^0-9]*(\d{8})/i) ?? text.match(/(\d{8})/);
  if (!match?.[1]) throw new Error('No code in the mail.');
  return match[1];
}
