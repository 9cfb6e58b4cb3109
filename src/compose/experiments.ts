/**
 * The experiments of EXPERIMENTS_FILE, checked against the catalogue at start-up: every arm's
 * template exists and has the arm's channel, and the arms' templates carry the same required
 * elements in every channel and language they share. Errors name the field.
 */
import fs from 'node:fs';
import { ConfigError } from '../config/config.js';
import { type Experiment, ExperimentsFile, requiredElementsOf } from '../policy/experiments.js';
import type { Catalogue } from '../templates/catalogue.js';

export interface Experiments {
  get(id: string): Experiment | undefined;
  list(): Experiment[];
}

export const NO_EXPERIMENTS: Experiments = { get: () => undefined, list: () => [] };

/** The problems of one experiment against the catalogue (none: it may run). */
export function experimentProblems(e: Experiment, catalogue: Catalogue, at = `experiments.${e.id}`): string[] {
  const problems: string[] = [];
  const entries = e.arms.map((arm, i) => {
    const entry = catalogue.get(arm.template);
    if (!entry) problems.push(`${at}.arms.${i}.template: unknown template "${arm.template}"`);
    else if (arm.channel && !catalogue.channelsOf(arm.template).includes(arm.channel))
      problems.push(`${at}.arms.${i}.channel: template "${arm.template}" has no ${arm.channel} version`);
    return entry;
  });
  if (problems.length > 0) return problems;
  // The same required elements in every channel and locale the arms share.
  const [control, ...challengers] = entries as NonNullable<(typeof entries)[number]>[];
  for (const v of control!.variants) {
    const want = requiredElementsOf(v.source);
    challengers.forEach((entry, j) => {
      const other = entry.variants.find((w) => w.channel === v.channel && w.locale === v.locale);
      if (!other) return;
      const got = requiredElementsOf(other.source);
      const missing = want.filter((x) => !got.includes(x));
      const extra = got.filter((x) => !want.includes(x));
      if (missing.length + extra.length > 0) {
        problems.push(
          `${at}.arms.${j + 1}.template: ${other.file} differs from the control's ${v.file} in required elements (${[...missing.map((m) => `lacks ${m}`), ...extra.map((x) => `adds ${x}`)].join('; ')}): an experiment compares wording, not compliance`,
        );
      }
    });
  }
  return problems;
}

export function loadExperiments(file: string | undefined, catalogue: Catalogue): Experiments {
  if (!file) return NO_EXPERIMENTS;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`EXPERIMENTS_FILE ${file}: ${(err as Error).message}`);
  }
  const parsed = ExperimentsFile.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      `EXPERIMENTS_FILE ${file}:\n  ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('\n  ')}`,
    );
  const problems = parsed.data.experiments.flatMap((e) => experimentProblems(e, catalogue));
  if (problems.length > 0) throw new ConfigError(`EXPERIMENTS_FILE ${file}:\n  ${problems.join('\n  ')}`);
  const byId = new Map(parsed.data.experiments.map((e) => [e.id, e]));
  return { get: (id) => byId.get(id), list: () => [...byId.values()] };
}
