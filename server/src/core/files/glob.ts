/**
 * Globs of the configuration (`include`, `exclude`; docs/format.md "Configuration"),
 * matched without backtracking: a pattern is compiled to a small automaton whose states
 * are simulated side by side (Thompson's construction), so matching costs at most
 * (length of the path) × (length of the pattern) steps whatever the pattern is. A
 * regular-expression engine (picomatch compiles globs to RegExp) backtracks on patterns
 * such as `**∕*a*a*a*a*a*a*a*a*a*a.md` and takes minutes on a long file name.
 *
 * Syntax (docs/format.md): `*` any characters but `/`, `**` as a whole segment any
 * number of folders, `?` one character but `/`, `[abc]` `[a-z]` `[!abc]` `[^abc]` one of
 * (or none of) the characters, `{a,b}` alternatives, `\` escapes the next character, a
 * leading `!` negates the pattern. Anything else stands for itself. Dot files match like
 * any other file. Bounds (docs/decisions.md "Configuration"): a pattern is at most
 * MAX_GLOB_LENGTH characters and its `{…}` expand to at most MAX_GLOB_ALTERNATIVES
 * patterns; a longer one is rejected with a configuration finding.
 */

export const MAX_GLOB_LENGTH = 1000;
export const MAX_GLOB_ALTERNATIVES = 256;

type Node =
  | { t: 'lit'; ch: string }
  | { t: 'one' }
  | { t: 'class'; ranges: [string, string][]; neg: boolean }
  /** `*`: any characters but `/`, possibly none. */
  | { t: 'star' }
  /** A final `**`: anything. */
  | { t: 'any' }
  /** `**∕` in the middle: zero or more whole folders, each ending in `/`. */
  | { t: 'segs' };

export interface CompiledGlob {
  source: string;
  negated: boolean;
  alternatives: Node[][];
}

export type GlobError = 'too-long' | 'too-many-alternatives';

/** Expands `{a,b}` (nested too) into the list of plain patterns; undefined past the bound. */
function expandBraces(p: string, limit: number): string[] | undefined {
  // Find the first top-level `{` with a matching `}` and at least one top-level `,`.
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, i);
      if (end > 0) i = end;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i; j < p.length; j++) {
      const d = p[j];
      if (d === '\\') {
        j++;
        continue;
      }
      if (d === '{') depth++;
      else if (d === '}') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (d === ',' && depth === 1) commas.push(j);
    }
    if (close < 0 || !commas.length) continue;
    const pre = p.slice(0, i);
    const post = p.slice(close + 1);
    const parts: string[] = [];
    let from = i + 1;
    for (const k of [...commas, close]) {
      parts.push(p.slice(from, k));
      from = k + 1;
    }
    const out: string[] = [];
    for (const part of parts) {
      const sub = expandBraces(pre + part + post, limit - out.length);
      if (!sub) return undefined;
      out.push(...sub);
      if (out.length > limit) return undefined;
    }
    return out;
  }
  return [p];
}

/** The index of the `]` closing a class that starts at `i`, or -1 when it is no class. */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '/') return -1;
    if (p[j] === ']') return j;
  }
  return -1;
}

function compileOne(p: string): Node[] {
  const nodes: Node[] = [];
  const segments = p.split('/');
  segments.forEach((seg, si) => {
    const last = si === segments.length - 1;
    if (seg === '**') {
      nodes.push(last ? { t: 'any' } : { t: 'segs' });
      return;
    }
    for (let i = 0; i < seg.length; i++) {
      const c = seg[i];
      if (c === '\\' && i + 1 < seg.length) nodes.push({ t: 'lit', ch: seg[++i] });
      else if (c === '*') {
        while (seg[i + 1] === '*') i++; // `a**b` inside a segment is `a*b`
        nodes.push({ t: 'star' });
      } else if (c === '?') nodes.push({ t: 'one' });
      else if (c === '[' && classEnd(seg, i) > 0) {
        const end = classEnd(seg, i);
        let j = i + 1;
        const neg = seg[j] === '!' || seg[j] === '^';
        if (neg) j++;
        const ranges: [string, string][] = [];
        for (; j < end; j++) {
          const a = seg[j];
          if (seg[j + 1] === '-' && j + 2 < end) {
            ranges.push([a, seg[j + 2]]);
            j += 2;
          } else ranges.push([a, a]);
        }
        nodes.push({ t: 'class', ranges, neg });
        i = end;
      } else nodes.push({ t: 'lit', ch: c });
    }
    if (!last) nodes.push({ t: 'lit', ch: '/' });
  });
  return nodes;
}

/** Compiles a glob; an error when it is past the documented bounds. */
export function compileGlob(source: string): CompiledGlob | { error: GlobError } {
  if (source.length > MAX_GLOB_LENGTH) return { error: 'too-long' };
  let p = source;
  let negated = false;
  if (p.startsWith('!')) {
    negated = true;
    p = p.slice(1);
  }
  if (p.startsWith('./')) p = p.slice(2);
  const expanded = expandBraces(p, MAX_GLOB_ALTERNATIVES);
  if (!expanded || expanded.length > MAX_GLOB_ALTERNATIVES) return { error: 'too-many-alternatives' };
  return { source, negated, alternatives: [...new Set(expanded)].map(compileOne) };
}

function step(node: Node, c: string): boolean {
  switch (node.t) {
    case 'lit':
      return node.ch === c;
    case 'one':
      return c !== '/';
    case 'class': {
      if (c === '/') return false;
      let hit = false;
      for (const [a, b] of node.ranges) if (a <= c && c <= b) hit = true;
      return hit !== node.neg;
    }
    default:
      return false;
  }
}

/**
 * Runs one alternative over a path. States: 2·i = "before node i" (for `segs`: at a
 * folder boundary), 2·i+1 = "inside node i" (a `segs` node in the middle of a folder
 * name). Each character moves the whole set of states forward once.
 */
function run(nodes: Node[], path: string): boolean {
  const n = nodes.length;
  let cur = new Uint8Array(2 * n + 2);
  let next = new Uint8Array(2 * n + 2);
  const add = (set: Uint8Array, s: number) => {
    // Epsilon moves: star, any and segs may match nothing.
    while (true) {
      if (set[s]) return;
      set[s] = 1;
      if (s & 1) return;
      const i = s >> 1;
      if (i >= n) return;
      const t = nodes[i].t;
      if (t !== 'star' && t !== 'any' && t !== 'segs') return;
      s = 2 * (i + 1);
    }
  };
  add(cur, 0);
  for (let k = 0; k < path.length; k++) {
    const c = path[k];
    next.fill(0);
    let alive = false;
    for (let s = 0; s < 2 * n; s++) {
      if (!cur[s]) continue;
      const i = s >> 1;
      const node = nodes[i];
      if (node.t === 'star') {
        if (c !== '/') {
          add(next, 2 * i);
          alive = true;
        }
      } else if (node.t === 'any') {
        add(next, 2 * i);
        alive = true;
      } else if (node.t === 'segs') {
        if (c === '/') add(next, 2 * i);
        else add(next, 2 * i + 1);
        alive = true;
      } else if (!(s & 1) && step(node, c)) {
        add(next, 2 * (i + 1));
        alive = true;
      }
    }
    if (!alive) return false;
    [cur, next] = [next, cur];
  }
  return cur[2 * n] === 1;
}

export function matchGlob(g: CompiledGlob, path: string): boolean {
  const hit = g.alternatives.some((nodes) => run(nodes, path));
  return hit !== g.negated;
}

/** Whether any of the globs matches a path (relative, `/`-separated). */
export function matchAny(globs: readonly CompiledGlob[], path: string): boolean {
  for (const g of globs) if (matchGlob(g, path)) return true;
  return false;
}
