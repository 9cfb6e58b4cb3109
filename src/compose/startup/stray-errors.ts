/**
 * The process's last line of defence. Errors are contained where they happen: a route's throw or
 * rejection goes to the API's problem handler (express 5), a job's to BullMQ, a timer's to its own
 * catch, and every stream a request reads has its 'error' heard. What still reaches the process
 * is a bug, and it does not end the process: one process serves every tenant's API, workers and
 * scheduler, and the issue that found a request able to kill it (issue 25) asks that no uncaught
 * error may. A rejection nobody heard is logged (error) and the process goes on. An exception
 * thrown past every frame is logged as fatal, with its origin, and the process goes on too: the
 * store's transactions and the jobs' leases make a half-run request safe to abandon (its
 * transaction rolls back, its job is retried), and a supervisor that wants a restart on any such
 * line can alert on it (`level: 60`, "an exception reached the process").
 */
import type { Logger } from '../../observability/logger.js';

export interface StrayErrorHandlers {
  onRejection(reason: unknown): void;
  onException(err: Error, origin: string): void;
}

export function strayErrorHandlers(deps: { log: Logger }): StrayErrorHandlers {
  return {
    onRejection(reason) {
      deps.log.error({ err: reason }, 'a promise rejected with nobody to hear it (a bug): logged, the process goes on');
    },
    onException(err, origin) {
      deps.log.fatal({ err, origin }, 'an exception reached the process (a bug): logged, the process goes on');
    },
  };
}

/** Installs the handlers on the process (main.ts only). */
export function containStrayErrors(proc: NodeJS.Process, handlers: StrayErrorHandlers): void {
  proc.on('unhandledRejection', (reason) => handlers.onRejection(reason));
  proc.on('uncaughtException', (err, origin) => handlers.onException(err, origin));
}
