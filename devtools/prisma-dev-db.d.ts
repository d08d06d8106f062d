// Types for @prisma/dev's database-server entry (pinned at 0.20.0), which this project's
// "moduleResolution": "node" cannot find through the package's "exports" map.
declare module '@prisma/dev/internal/db' {
  export interface DBServer {
    readonly connectionString: string;
    readonly port: number;
    close(): Promise<void>;
  }
  /** The part of @prisma/dev's ServerState that starting a database server reads. */
  export interface DBServerState {
    pgliteDataDirPath: string;
    databasePort: number;
    shadowDatabasePort: number;
    databaseConnectTimeoutMillis: number;
    databaseIdleTimeoutMillis: number;
    shadowDatabaseConnectTimeoutMillis: number;
    shadowDatabaseIdleTimeoutMillis: number;
    debug: boolean;
    dryRun: boolean;
  }
  export function startDBServer(purpose: 'database' | 'shadow_database', state: DBServerState): Promise<DBServer>;
}
