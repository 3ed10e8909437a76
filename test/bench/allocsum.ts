/**
 * Sums a sampling heap profile by function: the bytes allocated in a function itself and
 * under it, every allocation counted, those collected since included. The profile comes from
 * `ALLOC=FILE node out/test/bench/keystroke.js yaml|md N` (the measured keystrokes only).
 *
 *   node out/test/bench/allocsum.js FILE [rows]
 */
import * as fs from 'node:fs';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as { head: Node };
const rows = Number(process.argv[3] ?? 30);
const self = new Map<string, number>();
const incl = new Map<string, number>();
const name = (f: Node['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
const walk = (node: Node, above: Set<string>): number => {
  const key = name(node.callFrame);
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  let total = node.selfSize;
  const here = new Set(above).add(key);
  for (const c of node.children) total += walk(c, here);
  // A function under itself (recursion) counts once.
  if (!above.has(key)) incl.set(key, (incl.get(key) ?? 0) + total);
  return total;
};
const all = walk(profile.head, new Set());
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([k, v]) => `${(v / 1024).toFixed(0).padStart(9)} KB ${((100 * v) / all).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
console.log(`${(all / 1024).toFixed(0)} KB sampled\nSELF\n${top(self)}\nINCLUSIVE\n${top(incl)}`);
