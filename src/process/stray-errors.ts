/**
 * The process's last line of defence. Errors are contained where they happen: a route's throw or
 * rejection goes to the API's problem handler (express 5), a job's to BullMQ, a timer's to its own
 * catch, and every stream a request reads has its 'error' heard. What still reaches the process
 * is a bug. A promise rejected with no one to hear it has left no half-run code behind: it is
 * logged and the process goes on (Node's default would end it). An exception thrown past every
 * frame has, so the state is unknown: it is logged and the process stops the way SIGTERM stops it
 * (no new work, jobs in flight finish), exiting 1 for the supervisor to start it again, rather
 * than dying mid-write or running on in a state nobody can vouch for.
 */
import type { Logger } from '../observability/logger.js';

export interface StrayErrorHandlers {
  onRejection(reason: unknown): void;
  onException(err: Error, origin: string): void;
}

export function strayErrorHandlers(deps: { log: Logger; stop: (why: string, exitCode: number) => void }): StrayErrorHandlers {
  return {
    onRejection(reason) {
      deps.log.error({ err: reason }, 'a promise rejected with nobody to hear it (a bug): logged, the process goes on');
    },
    onException(err, origin) {
      deps.log.fatal({ err, origin }, 'an exception reached the process (a bug): stopping as on SIGTERM, exit 1');
      deps.stop('uncaughtException', 1);
    },
  };
}

/** Installs the handlers on the process (main.ts only). */
export function containStrayErrors(proc: NodeJS.Process, handlers: StrayErrorHandlers): void {
  proc.on('unhandledRejection', (reason) => handlers.onRejection(reason));
  proc.on('uncaughtException', (err, origin) => handlers.onException(err, origin));
}
