/**
 * `node out/test/bench/heapsum.js AFTER.heapsnapshot [BEFORE.heapsnapshot] [--hold Name,Name]`:
 * what a heap snapshot holds, summed by kind (an object's constructor and its first
 * properties, strings, arrays, code), and what grew from BEFORE to AFTER (the snapshots
 * `open-memory.js --snapshot DIR` writes: the empty server, then the server holding a plan).
 * `--hold` lists, for each object made by one of the named constructors, the size each of
 * its properties retains alone (its dominator subtree): where a holder's memory goes
 * (docs/performance.md "Memory per open document").
 */
import * as fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

class Heap {
  readonly n: number;
  readonly type: Uint8Array;
  readonly name: Uint32Array;
  readonly self: Float64Array;
  readonly firstEdge: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeName: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly types: string[];
  readonly edgeTypes: string[];
  readonly strings: string[];

  constructor(file: string) {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
    const nf = s.snapshot.meta.node_fields;
    const ef = s.snapshot.meta.edge_fields;
    const NF = nf.length;
    const EF = ef.length;
    this.n = s.nodes.length / NF;
    this.types = s.snapshot.meta.node_types[0];
    this.edgeTypes = s.snapshot.meta.edge_types[0];
    this.strings = s.strings;
    this.type = new Uint8Array(this.n);
    this.name = new Uint32Array(this.n);
    this.self = new Float64Array(this.n);
    this.firstEdge = new Uint32Array(this.n + 1);
    const ti = nf.indexOf('type');
    const ni = nf.indexOf('name');
    const si = nf.indexOf('self_size');
    const ci = nf.indexOf('edge_count');
    let e = 0;
    for (let i = 0; i < this.n; i++) {
      this.type[i] = s.nodes[i * NF + ti];
      this.name[i] = s.nodes[i * NF + ni];
      this.self[i] = s.nodes[i * NF + si];
      this.firstEdge[i] = e;
      e += s.nodes[i * NF + ci];
    }
    this.firstEdge[this.n] = e;
    this.edgeType = new Uint8Array(e);
    this.edgeName = new Uint32Array(e);
    this.edgeTo = new Uint32Array(e);
    const eti = ef.indexOf('type');
    const eni = ef.indexOf('name_or_index');
    const eto = ef.indexOf('to_node');
    for (let j = 0; j < e; j++) {
      this.edgeType[j] = s.edges[j * EF + eti];
      this.edgeName[j] = s.edges[j * EF + eni];
      this.edgeTo[j] = s.edges[j * EF + eto] / NF;
    }
  }

  edgeLabel(j: number): string {
    const t = this.edgeTypes[this.edgeType[j]];
    return t === 'element' || t === 'hidden' ? `[${this.edgeName[j]}]` : this.strings[this.edgeName[j]];
  }

  /** A node's kind: an object's constructor and its first properties; strings as one. */
  kind(i: number): string {
    const t = this.types[this.type[i]];
    const nm = this.strings[this.name[i]];
    if (t === 'string' || t === 'concatenated string' || t === 'sliced string') return `(${t})`;
    if (t === 'object') {
      const props: string[] = [];
      for (let j = this.firstEdge[i]; j < this.firstEdge[i + 1] && props.length < 6; j++)
        if (this.edgeTypes[this.edgeType[j]] === 'property') {
          const p = this.strings[this.edgeName[j]];
          if (p !== '__proto__' && p !== 'map') props.push(p);
        }
      return `${nm} {${props.join(',')}}`;
    }
    if (t === 'code' || t === 'closure') return `(${t})`;
    return `(${t}) ${nm.slice(0, 60)}`;
  }

  /** Immediate dominators from the root (node 0), weak edges not holding (Cooper, Harvey, Kennedy). */
  dominators(): { idom: Int32Array; retained: Float64Array } {
    const n = this.n;
    const weak = this.edgeTypes.indexOf('weak');
    // Post order by an explicit stack.
    const order = new Int32Array(n).fill(-1);
    const post: number[] = [];
    const stack: number[] = [0];
    const next = new Uint32Array(n);
    const seen = new Uint8Array(n);
    seen[0] = 1;
    next[0] = this.firstEdge[0];
    while (stack.length) {
      const v = stack[stack.length - 1];
      if (next[v] < this.firstEdge[v + 1]) {
        const j = next[v]++;
        if (this.edgeType[j] === weak) continue;
        const w = this.edgeTo[j];
        if (!seen[w]) {
          seen[w] = 1;
          next[w] = this.firstEdge[w];
          stack.push(w);
        }
      } else {
        order[v] = post.length;
        post.push(v);
        stack.pop();
      }
    }
    // Predecessors of reachable nodes.
    const predCount = new Uint32Array(n + 1);
    for (let v = 0; v < n; v++) {
      if (!seen[v]) continue;
      for (let j = this.firstEdge[v]; j < this.firstEdge[v + 1]; j++) if (this.edgeType[j] !== weak) predCount[this.edgeTo[j] + 1]++;
    }
    for (let v = 0; v < n; v++) predCount[v + 1] += predCount[v];
    const preds = new Uint32Array(predCount[n]);
    const fill = predCount.slice(0, n);
    for (let v = 0; v < n; v++) {
      if (!seen[v]) continue;
      for (let j = this.firstEdge[v]; j < this.firstEdge[v + 1]; j++) if (this.edgeType[j] !== weak) preds[fill[this.edgeTo[j]]++] = v;
    }
    const idom = new Int32Array(n).fill(-1);
    idom[0] = 0;
    const intersect = (a: number, b: number) => {
      while (a !== b) {
        while (order[a] < order[b]) a = idom[a];
        while (order[b] < order[a]) b = idom[b];
      }
      return a;
    };
    for (let changed = true; changed;) {
      changed = false;
      for (let k = post.length - 2; k >= 0; k--) {
        const v = post[k];
        let d = -1;
        for (let p = predCount[v]; p < predCount[v + 1]; p++) {
          const u = preds[p];
          if (idom[u] < 0) continue;
          d = d < 0 ? u : intersect(u, d);
        }
        if (d >= 0 && idom[v] !== d) {
          idom[v] = d;
          changed = true;
        }
      }
    }
    const retained = new Float64Array(n);
    for (const v of post) retained[v] += this.self[v];
    for (const v of post) if (v !== 0 && idom[v] >= 0) retained[idom[v]] += retained[v];
    return { idom, retained };
  }
}

function sums(h: Heap): Map<string, { size: number; count: number }> {
  const m = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < h.n; i++) {
    const k = h.kind(i);
    const s = m.get(k) ?? { size: 0, count: 0 };
    s.size += h.self[i];
    s.count++;
    m.set(k, s);
  }
  return m;
}

/** What holds the nodes of one kind: the holders' kinds and the edges' names, counted. */
function who(h: Heap, kind: string): void {
  const counts = new Map<string, { count: number; size: number; holders: Map<number, number> }>();
  for (let v = 0; v < h.n; v++)
    for (let j = h.firstEdge[v]; j < h.firstEdge[v + 1]; j++) {
      const w = h.edgeTo[j];
      if (h.kind(w) !== kind) continue;
      const t = h.edgeTypes[h.edgeType[j]];
      const k = `${h.kind(v)} .${t === 'element' || t === 'hidden' ? `[${t}]` : h.edgeLabel(j).slice(0, 40)}`;
      const c = counts.get(k) ?? { count: 0, size: 0, holders: new Map<number, number>() };
      c.count++;
      c.holders.set(v, (c.holders.get(v) ?? 0) + 1);
      c.size += h.self[w];
      counts.set(k, c);
    }
  console.log(`\nholders of ${kind}:`);
  for (const [k, c] of [...counts].sort((a, b) => b[1].size - a[1].size).slice(0, 20)) {
    const most = [...c.holders].sort((a, b) => b[1] - a[1])[0];
    console.log(`${mb(c.size).padStart(10)} ${String(c.count).padStart(8)}  ${k} (most in @${most[0]}: ${most[1]})`);
  }
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

function main(): void {
  const args = process.argv.slice(2);
  const holdAt = args.indexOf('--hold');
  const hold = holdAt >= 0 ? args.splice(holdAt, 2)[1].split(',') : [];
  const [afterFile, beforeFile] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--who' && args[i - 1] !== '--big');
  const after = new Heap(afterFile);
  const a = sums(after);
  const b = beforeFile ? sums(new Heap(beforeFile)) : new Map<string, { size: number; count: number }>();
  const rows = [...a].map(([k, v]) => ({ k, size: v.size - (b.get(k)?.size ?? 0), count: v.count - (b.get(k)?.count ?? 0) }));
  rows.sort((x, y) => y.size - x.size);
  const total = rows.reduce((t, r) => t + r.size, 0);
  console.log(`total ${beforeFile ? 'growth' : 'size'}: ${mb(total)}`);
  for (const r of rows.slice(0, 60)) console.log(`${mb(r.size).padStart(10)} ${String(r.count).padStart(8)}  ${r.k}`);
  const whoAt = args.indexOf('--who');
  if (whoAt >= 0) who(after, args[whoAt + 1]);
  const bigAt = args.indexOf('--big');
  if (!hold.length && bigAt < 0) return;
  const { idom, retained } = after.dominators();
  if (bigAt >= 0) {
    // The largest nodes of a kind (by what they retain) and their chain of dominators; `@N`: node N's.
    const kind = args[bigAt + 1];
    const of: number[] = [];
    if (kind.startsWith('@')) of.push(Number(kind.slice(1)));
    else for (let v = 0; v < after.n; v++) if (after.kind(v) === kind) of.push(v);
    of.sort((x, y) => retained[y] - retained[x]);
    for (const v of of.slice(0, 8)) {
      const chain: string[] = [];
      for (let u = v, d = 0; u !== 0 && d < 12; u = idom[u], d++) {
        const p = idom[u];
        let e = '…';
        for (let j = after.firstEdge[p]; j < after.firstEdge[p + 1]; j++) if (after.edgeTo[j] === u) e = after.edgeLabel(j).slice(0, 40);
        chain.push(`${e} ← ${after.kind(p).slice(0, 60)}`);
      }
      console.log(`\n${mb(retained[v])} ${kind} @${v}\n  ${chain.join('\n  ')}`);
    }
  }
  // The dominator tree under each holder, to a depth, children above 64 KB.
  const children = new Map<number, number[]>();
  for (let v = 1; v < after.n; v++) if (idom[v] >= 0) (children.get(idom[v]) ?? children.set(idom[v], []).get(idom[v])!).push(v);
  const label = (from: number, to: number) => {
    for (let j = after.firstEdge[from]; j < after.firstEdge[from + 1]; j++) if (after.edgeTo[j] === to) return after.edgeLabel(j).slice(0, 50);
    return '…';
  };
  const tree = (v: number, depth: number, indent: string) => {
    if (!depth) return;
    const cs = (children.get(v) ?? []).filter((c) => retained[c] > 65_536).sort((x, y) => retained[y] - retained[x]);
    for (const c of cs.slice(0, 12)) {
      console.log(`${indent}${mb(retained[c]).padStart(10)}  ${label(v, c)} → ${after.kind(c)}`);
      tree(c, depth - 1, indent + '  ');
    }
  };
  for (let i = 0; i < after.n; i++) {
    if (after.types[after.type[i]] !== 'object' || !hold.includes(after.strings[after.name[i]])) continue;
    console.log(`\n${after.strings[after.name[i]]} @${i}: retains ${mb(retained[i])}`);
    const parts: [string, number][] = [];
    for (let j = after.firstEdge[i]; j < after.firstEdge[i + 1]; j++)
      parts.push([`${after.edgeLabel(j)} → ${after.kind(after.edgeTo[j])}`, retained[after.edgeTo[j]]]);
    parts.sort((x, y) => y[1] - x[1]);
    for (const [k, v] of parts.slice(0, 25)) if (v > 10_000) console.log(`${mb(v).padStart(10)}  ${k}`);
    console.log('dominated:');
    tree(i, Number(process.env.HEAPSUM_DEPTH ?? 5), '  ');
  }
}

main();
