/**
 * The console's words: every text a page asks for exists in English and Chinese, both languages
 * have the same keys, and each translation keeps the placeholders it is filled with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '../../src/domain/index.js';
import { STAGES } from '../../src/policy/strategy.js';
import { ADDRESS_FACTS } from '../../src/domain/address-facts.js';
import { HOLD_KINDS, HOLD_RESOLUTIONS, HOLD_SOURCES } from '../../src/domain/holds.js';
import { INSTALMENT_STATES, PROMISE_KINDS, PROMISE_STATES } from '../../src/policy/promises.js';

const PUBLIC = path.resolve('src/http/ui/public');
const files = (fs.readdirSync(PUBLIC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.js'))
  .map((f) => path.join(PUBLIC, f));

describe('console texts', async () => {
  const { MESSAGES } = (await import(pathToFileURL(path.join(PUBLIC, 'i18n.js')).href)) as {
    MESSAGES: Record<'en' | 'zh', Record<string, string>>;
  };

  it('has every key a page uses, in both languages', () => {
    const used = new Set<string>();
    for (const f of files)
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z-]+\.[a-zA-Z.-]+|[a-z]+)'/g)) used.add(m[1]!);
    // Keys listed in arrays and tables (headers, facts) count too.
    for (const f of files)
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/'((?:templates|message|audit|dash)\.[a-zA-Z]+)'/g))
        used.add(m[1]!);
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !(k in MESSAGES.en) || !(k in MESSAGES.zh));
    expect(missing).toEqual([]);
  });

  it('has the same keys and placeholders in English and Chinese', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, en] of Object.entries(MESSAGES.en)) expect(holes(MESSAGES.zh[k]!), k).toEqual(holes(en));
  });

  it('names every message status, outcome, denial reason and strategy stage', () => {
    for (const s of MESSAGE_STATUSES) expect(MESSAGES.zh[`status.${s}`], s).toBeDefined();
    for (const r of [
      'outside-contact-window',
      'blackout',
      'cap-reached',
      'conversation-block',
      'opted-out',
      'no-consent',
      'resolved',
      'ceased',
      'no-allowed-time',
    ])
      expect(MESSAGES.zh[`reason.${r}`], r).toBeDefined();
    for (const s of STAGES) expect(MESSAGES.zh[`stage.${s}`], s).toBeDefined();
  });

  it('names every fact an address may be learned to have, and the fallback and learning events', () => {
    for (const f of ADDRESS_FACTS)
      for (const l of ['en', 'zh'] as const) expect(MESSAGES[l][`fact.${f}`], f).toBeDefined();
    for (const e of ['fallback.taken', 'address.learned']) expect(MESSAGES.zh[`status.${e}`], e).toBeDefined();
  });

  it('names every hold (kind, source, how it ended), promise and instalment state, and the promise events', () => {
    const keys = [
      ...[...HOLD_KINDS, 'cease'].flatMap((k) => [`holdName.${k}`, `holdReason.${k}`]),
      ...HOLD_SOURCES.map((s) => `holdSource.${s}`),
      ...HOLD_RESOLUTIONS.map((r) => `holdResolution.${r}`),
      ...PROMISE_KINDS.map((k) => `promiseName.${k}`),
      ...PROMISE_STATES.map((s) => `promiseState.${s}`),
      ...INSTALMENT_STATES.map((s) => `instalment.${s}`),
      ...['promise.reported', 'promise.kept', 'promise.broken', 'promise.instalment_missed'].map((e) => `status.${e}`),
    ];
    for (const lang of ['en', 'zh'] as const)
      expect(
        keys.filter((k) => !(k in MESSAGES[lang])),
        lang,
      ).toEqual([]);
    // A promise event's `kind` (promise or plan) is in words too (lib/content.js).
    for (const k of PROMISE_KINDS)
      expect(MESSAGES.zh[`holdKind.${k}`] ?? MESSAGES.zh[`promiseKind.${k}`], k).toBeDefined();
  });
});
