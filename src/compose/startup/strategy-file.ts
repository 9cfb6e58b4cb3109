/** Reads the collection strategy: STRATEGY_FILE (JSON) if set, else the shipped default. */
import fs from 'node:fs';
import { DEFAULT_STRATEGY, resolveStrategy, type Strategy, StrategyError } from '../../policy/strategy.js';

export function loadStrategy(file: string | undefined): Strategy {
  if (!file) return DEFAULT_STRATEGY;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new StrategyError(`STRATEGY_FILE ${file}: ${(err as Error).message}`);
  }
  return resolveStrategy(raw, `STRATEGY_FILE ${file}`);
}
