/** What the global setup hands to every test file. */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    logDir: string;
  }
}
