/**
 * Email front matter, read as data only: a `---` block of YAML (core schema: strings, numbers,
 * booleans, lists, maps; no tags that build objects or run code) before the body. A block that
 * names another language (`---js`, `---coffee`, anything but `yaml`) is refused, never run.
 * The body is cut exactly where gray-matter cut it, so stored template versions re-render
 * byte for byte.
 */
import { parse as parseYaml } from 'yaml';

export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const OPEN = '---';
const CLOSE = '\n---';
const DATA_LANGUAGES = new Set(['', 'yaml', 'yml']);

export function frontMatterOf(source: string): { subject: unknown; body: string } {
  // Not front matter: no opening line, or a longer run of dashes (a horizontal rule).
  if (!source.startsWith(OPEN) || source.charAt(OPEN.length) === '-') return { subject: undefined, body: source };
  let rest = source.slice(OPEN.length);
  const eol = rest.search(/\r?\n/);
  const firstLine = eol === -1 ? rest : rest.slice(0, eol);
  const language = firstLine.trim().toLowerCase();
  if (!DATA_LANGUAGES.has(language)) {
    throw new FrontMatterError(
      `front matter in "${firstLine.trim().slice(0, 20)}" is not read (only data is): start the block with a plain "---" line and write "subject: …"`,
      1,
    );
  }
  rest = rest.slice(firstLine.length);
  let close = rest.indexOf(CLOSE);
  if (close === -1) close = rest.length;
  const block = rest.slice(0, close);
  let data: unknown = {};
  if (block.replace(/^\s*#[^\n]+/gm, '').trim() !== '') {
    try {
      data = parseYaml(block.replace(/\r\n?/g, '\n'), {
        schema: 'core',
        maxAliasCount: 0,
        uniqueKeys: true,
        prettyErrors: false,
        logLevel: 'error',
      });
    } catch (err) {
      const line = /line (\d+)/.exec((err as Error).message);
      throw new FrontMatterError(
        `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
        line ? Number(line[1]) + 1 : 2,
      );
    }
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data)))
    throw new FrontMatterError(
      'front matter must be "key: value" lines, e.g. "subject: A note from {{debt.creditor}}"',
      2,
    );
  let body = close === rest.length ? '' : rest.slice(close + CLOSE.length);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  const subject = data && Object.hasOwn(data, 'subject') ? (data as { subject: unknown }).subject : undefined;
  return { subject, body };
}
