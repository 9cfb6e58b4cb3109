/** Parsing and bounding what users supply: front matter as data, nesting depth, SMS length. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tooDeep } from '../../src/schemas/json-depth.js';
import { loadCatalogue } from '../../src/templates/catalogue.js';
import { FrontMatterError, frontMatterOf } from '../../src/templates/front-matter.js';
import { SMS_MAX_CHARACTERS, smsFacts } from '../../src/templates/sms-facts.js';

describe('front matter', () => {
  it('reads the subject line and cuts the body where the old parser did', () => {
    expect(frontMatterOf('---\nsubject: A note from {{debt.creditor}}\n---\nHello\n')).toEqual({
      subject: 'A note from {{debt.creditor}}',
      body: 'Hello\n',
    });
    expect(frontMatterOf('---yaml\r\nsubject: x\r\n---\r\nBody')).toEqual({ subject: 'x', body: 'Body' });
    expect(frontMatterOf('No front matter')).toEqual({ subject: undefined, body: 'No front matter' });
    expect(frontMatterOf('----\nnot a block')).toEqual({ subject: undefined, body: '----\nnot a block' });
  });

  it('refuses a block in any language but YAML, on line 1', () => {
    for (const lang of ['js', 'javascript', 'JS', 'coffee', 'toml', 'json']) {
      expect(() => frontMatterOf(`---${lang}\n{subject: 'x'}\n---\nBody`)).toThrow(FrontMatterError);
    }
  });

  it('builds no objects from YAML tags: an unknown tag stays a string', () => {
    const { subject } = frontMatterOf('---\nsubject: !!js/function "function () { return 1 }"\n---\nBody');
    expect(typeof subject).toBe('string');
  });

  it('keeps a template file with a ---js block out of the catalogue', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-fm-'));
    fs.mkdirSync(path.join(dir, 'evil'));
    fs.writeFileSync(
      path.join(dir, 'evil', 'meta.json'),
      JSON.stringify({ title: 'x', description: 'x', sampleData: {} }),
    );
    const marker = path.join(dir, 'ran');
    fs.writeFileSync(
      path.join(dir, 'evil', 'email.en-US.hbs'),
      `---js\n{subject: require('fs').writeFileSync(${JSON.stringify(marker)}, '1') || 'x'}\n---\nBody`,
    );
    expect(() => loadCatalogue(dir)).toThrow(/front matter in "js" is not read/);
    expect(fs.existsSync(marker)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('nesting depth', () => {
  it('finds the first point nested too deep, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(tooDeep({ metadata: deep }, 32)).toBe('metadata.0.0.0.0.0.0.0…');
    expect(tooDeep({ a: { b: [1, 2, { c: 3 }] } }, 32)).toBeUndefined();
  });
});

describe('SMS facts', () => {
  it('estimates an over-long body in one pass instead of running the calculator', () => {
    const facts = smsFacts('a'.repeat(200_000));
    expect(facts).toMatchObject({ encoding: 'GSM-7', segments: Math.ceil(200_000 / 153), tooLong: true });
    expect(smsFacts('你'.repeat(SMS_MAX_CHARACTERS + 1))).toMatchObject({ encoding: 'UCS-2', tooLong: true });
  });

  it('agrees with the calculator at the limit', () => {
    const text = 'a'.repeat(SMS_MAX_CHARACTERS);
    expect(smsFacts(text).tooLong).toBeUndefined();
    expect(smsFacts(text).segments).toBe(Math.ceil(SMS_MAX_CHARACTERS / 153));
  });
});
