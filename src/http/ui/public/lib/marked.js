// Words with phrases in them marked: shared by a reply's words (what the interpreter matched) and an
// agent's answer (what the wording linter matched). Every part is a text node or a <mark> holding one:
// nothing is parsed as HTML.
import { h } from '../dom.js';

/** The text, each phrase's first occurrence (any case) in <mark>; overlapping phrases keep the first. */
export function marked(text, phrases) {
  const lower = text.toLowerCase();
  const ranges = [];
  for (const p of phrases) {
    if (!p) continue;
    const at = lower.indexOf(p.toLowerCase());
    if (at >= 0) ranges.push([at, at + p.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out = [];
  let pos = 0;
  for (const [from, to] of ranges) {
    if (from < pos) continue;
    if (from > pos) out.push(text.slice(pos, from));
    out.push(h('mark', {}, text.slice(from, to)));
    pos = to;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}
