/** Runs a command-line tool's main: its number is the exit code; an error is one line on stderr. */
export function runCli(name: string, main: () => Promise<number>, errorCode = 1): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${name}: ${(err as Error).message}\n`);
      process.exitCode = errorCode;
    },
  );
}
