/** Returns DATABASE_URL, failing with a message that says how to provide one. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: run through `npm start` / `npm test`, which provide a database, or set it yourself.');
  }
  return url;
}
