/** How deep free-form JSON nests, found without recursion (a 10,000-deep body must not overflow the stack). */

/** The path to the first point nested deeper than `max` levels (`metadata.a.0.0.0.0…`), or undefined. */
export function tooDeep(value: unknown, max: number): string | undefined {
  const stack: Array<{ v: unknown; depth: number; path: string[] }> = [{ v: value, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return pathText(path);
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object')
        stack.push({ v: child, depth: depth + 1, path: path.length < 8 ? [...path, k] : path });
    }
  }
  return undefined;
}

function pathText(path: string[]): string {
  const shown = path.join('.') || '(body)';
  return path.length >= 8 ? `${shown}…` : shown;
}
