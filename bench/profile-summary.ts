/**
 * Self time of a .cpuprofile by package (or source folder) and by function: what the profile
 * says, in the form docs/performance.md quotes it.  npx tsx bench/profile-summary.ts <file> [top]
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const file = process.argv[2]!;
const top = Number(process.argv[3] ?? 25);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const hits = new Map<number, number>();
for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
const total = prof.samples.length;

/** The package a frame belongs to, or the project folder, or V8's own (GC, idle, program). */
function owner(url: string, fn: string): string {
  if (!url) return `(${fn || 'native'})`;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  const s = /\/(src|bench|test)\/(.*?)([^/]+)$/.exec(url);
  if (s) return `${s[1]}/${s[2]}`.replace(/\/$/, '') || s[1]!;
  if (url.startsWith('node:')) return url;
  return url.split('/').slice(-2).join('/');
}

const byOwner = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, h] of hits) {
  const n = byId.get(id)!;
  const o = owner(n.callFrame.url, n.callFrame.functionName);
  byOwner.set(o, (byOwner.get(o) ?? 0) + h);
  const f = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  byFn.set(f, (byFn.get(f) ?? 0) + h);
}
const pct = (h: number) => `${((100 * h) / total).toFixed(1).padStart(5)} %`;
console.log(`${total} samples`);
console.log('\nby package or folder (self time):');
for (const [o, h] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(h), o);
console.log('\nby function (self time):');
for (const [f, h] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(h), f);
