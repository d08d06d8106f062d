// DRP 1.0 §3.06: a request error is a non-200 answer with {code, message, fatal?}, code being
// the HTTP status as a string.
export class DrpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fatal?: boolean,
  ) {
    super(message);
    this.name = 'DrpError';
  }

  get body(): { code: string; message: string; fatal?: boolean } {
    return { code: String(this.status), message: this.message, ...(this.fatal ? { fatal: true } : {}) };
  }
}
