/** What the global setup hands to every test file. */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    logDir: string;
    /** A file listing the PostgreSQL schemas the tests are done with, dropped when the run ends. */
    schemasToDrop: string;
  }
}
