// GET /health on the real services: all answer → 200; the SMTP relay gone → 503 naming it.
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

async function health() {
  const res = await fetch(`${stack.baseUrl}/health`);
  return { status: res.status, text: await res.text() };
}

describe('GET /health', () => {
  test('when Temporal, the database and SMTP all answer, then it is 200 with every check ok', async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: 'ok', checks: { temporal: 'ok', database: 'ok', smtp: 'ok' } });
  });

  test('when the SMTP catcher is closed, then it is 503 naming smtp, without connection details', async () => {
    await stack.mail.close();
    const started = Date.now();
    const res = await health();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({
      error: 'UNAVAILABLE',
      message: 'Not ready: smtp did not answer.',
      status: 'down',
      checks: { temporal: 'ok', database: 'ok', smtp: 'down' },
    });
    expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|port/i);
  });
});
