// Prisma CLI configuration. The JavaScript schema engine with the pg driver adapter is
// used because the native engines are downloaded from a site other than the package
// registries; this path runs migrations fully offline.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { cliAdapterFactory } from './db/cli-adapter';

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  adapter: async () => cliAdapterFactory(),
});
