/**
 * The production image without a container engine: the Dockerfile read as data (its stages, RUN
 * lines, ENV, USER, ENTRYPOINT and HEALTHCHECK), and the tree it runs built by the same script
 * (scripts/build-production.sh) into a directory of the test's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runOrThrow } from './spawned.js';

export interface DockerStage {
  from: string;
  name: string | undefined;
  /** Each instruction with its arguments, continuation lines joined. */
  instructions: { op: string; args: string }[];
}

/** The Dockerfile's stages, in order. */
export function readDockerfile(file = path.resolve('Dockerfile')): DockerStage[] {
  const logical = fs
    .readFileSync(file, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of logical) {
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (!op || args === undefined) throw new Error(`Dockerfile: cannot read "${line}"`);
    if (op.toUpperCase() === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      stages.push({ from: from!, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages;
}

/** ENV of a stage as a record (the `K=V K2=V2` form). */
export function envOf(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.op === 'ENV'))
    for (const [, k, v] of i.args.matchAll(/([A-Z_][A-Z0-9_]*)=("[^"]*"|\S+)/g)) env[k!] = v!.replace(/^"|"$/g, '');
  return env;
}

/** An exec-form argument list (`["node", "-e", "…"]`) of an instruction, after any options. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  return JSON.parse(json) as string[];
}

/** Runs scripts/build-production.sh OUT_DIR (npm run build, then a production install there). */
export function buildProductionTree(outDir: string, timeoutMs: number): Promise<string> {
  return runOrThrow('bash', ['scripts/build-production.sh', outDir], timeoutMs);
}
