/**
 * The reading figures of issue #15 (docs/performance.md "Reading plans"), each beside a
 * baseline measured in the same run:
 *   - Markdown read speed: the core's `parseDocument` of a 1,000- and a 10,000-row plan
 *     and of the ~100 KB strategy, in MB/s, beside a bare remark parse (unified +
 *     remark-parse + gfm + frontmatter) of the same text; goal ≥ 2 MB/s.
 *   - Peak memory (max RSS) of `stratdoc check` on the 10,000-row plan, beside a fresh
 *     process that only parses the same file with remark; goal ≤ 150 MB.
 *   - YAML linearity: `stratdoc check` time on a 50,000-entry plan ÷ on a 5,000-entry
 *     plan, beside the same ratio for a bare `yaml` parseDocument; goal ≤ 10.5.
 * Each is a function returning its rows, so that run.ts prints them in one table.
 * `node out/test/bench/reading.js` runs them alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument as parseYaml } from 'yaml';
import { pathToFileURL } from 'node:url';
import { parseDocument } from '../../server/src/core/parse';
import { Session } from '../../server/src/lsp/session';
import { generateCorpus, bigStrategy } from './corpus';
import { repoRoot } from '../helpers/repo';
import { rng } from '../helpers/rng';
import { randomKeystroke } from './lsp';
import { type DocText, type LineIndex, flat } from '../../server/src/core/text';

export interface FigureRow {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean;
}

const TODAY = '2027-02-15';
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median CPU milliseconds of `fn` (steadier than wall time on a shared machine). */
function cpuMs(fn: () => unknown, runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    xs.push((c.user + c.system) / 1000);
  }
  return median(xs);
}

export function planFile(dir: string): string {
  const find = (d: string): string | undefined => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        const f = find(p);
        if (f) return f;
      } else if (/\.plan\.(md|ya?ml)$/.test(e.name)) return p;
    }
    return undefined;
  };
  return find(dir)!;
}

/** A folder with one Markdown plan of `entries` rows (and its strategy). */
export function markdownPlanDir(entries: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stratdoc-md${entries}-`));
  generateCorpus(dir, { strategies: 1, entries });
  return dir;
}

/** A folder with one YAML plan of `entries` entries (and its strategy), files of any size read. */
export function yamlPlanDir(entries: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stratdoc-yaml${entries}-`));
  generateCorpus(dir, { strategies: 2, entries });
  // The second organisation's plan is YAML; the first's (Markdown) goes.
  fs.rmSync(path.join(dir, 'org-000'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, '.stratdoc.yaml'), 'maxFileSize: 100MB\n');
  return dir;
}

/**
 * The read speed of one Markdown document, the one measurement of it (npm run bench's
 * figure calls this too): CPU time, not wall time (the machine is shared); `warm`: the
 * median of `runs` parses after two that warm the JIT; `cold`: the first parse in a fresh
 * process (modules loaded, nothing parsed yet), what a CLI run on one file pays; `remark`:
 * bare unified + remark-parse + gfm + frontmatter on the same text, warm.
 */
export function readSpeed(uri: string, text: string, runs = 5): { mb: number; warmMs: number; coldMs: number; remarkMs: number } {
  const mb = Buffer.byteLength(text) / 1024 / 1024;
  const r = text.length > 1e6 ? Math.max(1, runs - 2) : runs;
  const warmHere = () => {
    for (let i = 0; i < 2; i++) parseDocument(uri, text);
    return cpuMs(() => parseDocument(uri, text), r);
  };
  let warmMs = NaN;
  let coldMs = NaN;
  const script = path.join(repoRoot(), 'out', 'test', 'bench', 'reading.js');
  if (fs.existsSync(script)) {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-cold-')), 'doc.md');
    fs.writeFileSync(tmp, text);
    const child = (...args: string[]) => Number(spawnSync(process.execPath, [script, ...args, tmp, uri], { encoding: 'utf8' }).stdout.trim());
    coldMs = child('cold');
    // Warm in a fresh process too: in the benchmark's own, the collections of the heaps the
    // figures before it left counted in its CPU time (docs/performance.md, 2026-12-07 05:58).
    warmMs = child('warm', String(r));
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }
  if (!(warmMs > 0)) warmMs = warmHere();
  const remarkMs = cpuMs(() => processor.parse(text), text.length > 1e6 ? 1 : Math.min(r, 3));
  return { mb, warmMs, coldMs, remarkMs };
}

/** Markdown read speed: the core against bare remark, MB/s, warm (the goal) and cold. */
export function markdownSpeed(runs = 5): FigureRow[] {
  const rows: FigureRow[] = [];
  const docs: [string, string, string][] = [];
  for (const n of [1000, 10000]) {
    const dir = markdownPlanDir(n);
    docs.push([`Markdown plan, ${n.toLocaleString('en')} rows`, 'file:///bench/2027.plan.md', fs.readFileSync(planFile(dir), 'utf8')]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  docs.push(['Markdown strategy (~100 KB)', 'file:///bench/strategie.md', bigStrategy()]);
  for (const [name, uri, text] of docs) {
    const s = readSpeed(uri, text, runs);
    const speed = s.mb / (s.warmMs / 1000);
    rows.push({
      figure: `${name}: read (parseDocument), MB/s warm (cold ${(s.mb / (s.coldMs / 1000)).toFixed(2)})`,
      value: speed.toFixed(2),
      baseline: `remark ${(s.mb / (s.remarkMs / 1000)).toFixed(2)}`,
      ratio: (s.remarkMs / s.warmMs).toFixed(1),
      goal: '≥ 2 MB/s',
      met: speed >= 2,
    });
  }
  return rows;
}

/**
 * The reading share of a keystroke: CPU milliseconds of `Session.didEdit` (applying the
 * editor's change and reading the document into a new ParsedDocument; the check runs
 * after it, asynchronously, and is not counted) per keystroke, the same random one-letter
 * insertions as the language-server bench (test/bench/lsp.ts), on the 1,000-row Markdown
 * and the 5,000-entry YAML plan. Goal (the brief of issue #13): ≤ 3 ms per keystroke.
 */
export function keystrokeReading(edits = 200): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const [name, dir, seed] of [
    ['1,000-row Markdown plan', markdownPlanDir(1000), 1],
    ['5,000-entry YAML plan', yamlPlanDir(5000), 2],
  ] as const) {
    const file = planFile(dir);
    const uri = pathToFileURL(file).href;
    const opened = fs.readFileSync(file, 'utf8');
    let text: DocText = opened;
    let lines: LineIndex | undefined;
    const session = new Session({ publish: () => undefined, log: () => undefined });
    session.didOpen(uri, opened, 1);
    const full = cpuMs(() => parseDocument(uri, opened, { kind: 'plan' }), 3);
    const r = rng(seed);
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const k = randomKeystroke(text, r, lines);
      const { line, character, ch } = k;
      text = k.text;
      lines = k.lines;
      const c0 = process.cpuUsage();
      session.didEdit(uri, [{ range: { start: { line, character }, end: { line, character } }, text: ch }], i + 2);
      const c = process.cpuUsage(c0);
      times.push((c.user + c.system) / 1000);
    }
    if (session.ws.get(uri)?.text !== flat(text)) throw new Error(`keystroke reading: ${name}: the session's text is not the editor's`);
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    rows.push({
      figure: `Reading per keystroke (Session.didEdit), ${name}: mean CPU ms (p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)})`,
      value: mean.toFixed(2),
      baseline: `full ${full.toFixed(0)} ms`,
      ratio: (mean / full).toFixed(3),
      goal: '≤ 3 ms',
      met: mean <= 3,
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Runs node with a preload that reports the child's max RSS (KB) on fd 3. */
function peakRss(args: string[]): { kb: number; status: number | null; wall: number } {
  const pre = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-rss-')), 'rss.js');
  fs.writeFileSync(
    pre,
    "process.on('exit', () => { try { const u = process.cpuUsage(); require('fs').writeSync(3, JSON.stringify({ rss: process.resourceUsage().maxRSS, cpu: (u.user + u.system) / 1000 })); } catch {} });\n",
  );
  const r = spawnSync(process.execPath, ['--require', pre, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8' });
  fs.rmSync(path.dirname(pre), { recursive: true, force: true });
  let kb = NaN;
  let cpu = NaN;
  try {
    const u = JSON.parse(String(r.output[3] ?? ''));
    kb = u.rss;
    cpu = u.cpu;
  } catch {
    /* no report */
  }
  return { kb, status: r.status, wall: cpu };
}

/** Peak memory of `stratdoc check` on the 10,000-row plan, against a remark-only process. */
export function checkMemory(): FigureRow[] {
  const cli = path.join(repoRoot(), 'dist/cli.js');
  if (!fs.existsSync(cli)) return [];
  const dir = markdownPlanDir(10000);
  const file = planFile(dir);
  const script = `const { unified } = require('unified'); const u = unified().use(require('remark-parse').default).use(require('remark-gfm').default); u.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));`;
  const check = peakRss([cli, 'check', dir, '--format', 'json', '--today', TODAY]);
  const base = peakRss(['-e', script]);
  fs.rmSync(dir, { recursive: true, force: true });
  const mb = check.kb / 1024;
  return [
    {
      figure: 'stratdoc check, 10,000-row Markdown plan: peak RSS, MB',
      value: mb.toFixed(0),
      baseline: `remark ${(base.kb / 1024).toFixed(0)}`,
      ratio: (check.kb / base.kb).toFixed(2),
      goal: '≤ 150 MB',
      met: mb <= 150,
    },
  ];
}

/** YAML linearity: `stratdoc check` of 50,000 entries ÷ of 5,000, against bare yaml. */
export function yamlLinearity(runs = 1): FigureRow[] {
  const cli = path.join(repoRoot(), 'dist/cli.js');
  if (!fs.existsSync(cli)) return [];
  const small = yamlPlanDir(5000);
  const big = yamlPlanDir(50000);
  const cpuOf = (dir: string) => median(Array.from({ length: runs }, () => peakRss([cli, 'check', dir, '--format', 'json', '--today', TODAY]).wall));
  const startup = median(Array.from({ length: runs }, () => peakRss(['-e', '0']).wall));
  const a = cpuOf(small) - startup;
  const b = cpuOf(big) - startup;
  const ys = fs.readFileSync(planFile(small), 'utf8');
  const yb = fs.readFileSync(planFile(big), 'utf8');
  const pa = cpuMs(() => parseYaml(ys), runs);
  const pb = cpuMs(() => parseYaml(yb), runs);
  fs.rmSync(small, { recursive: true, force: true });
  fs.rmSync(big, { recursive: true, force: true });
  return [
    {
      figure: 'stratdoc check, YAML plan: 50,000 ÷ 5,000 entries (cpu, minus startup)',
      value: (b / a).toFixed(2),
      baseline: `yaml ${(pb / pa).toFixed(2)}`,
      ratio: `${(a / pa).toFixed(2)} / ${(b / pb).toFixed(2)}`,
      goal: '≤ 10.5',
      met: b / a <= 10.5,
    },
  ];
}

export function printFigures(rows: FigureRow[]): void {
  console.log(`${'Reading (issue #15)'.padEnd(72)} ${'value'.padStart(8)} ${'baseline'.padStart(16)} ${'ratio'.padStart(12)}  goal`);
  console.log('-'.repeat(120));
  for (const r of rows)
    console.log(`${r.figure.padEnd(72)} ${r.value.padStart(8)} ${r.baseline.padStart(16)} ${r.ratio.padStart(12)}  ${r.goal} ${r.met ? 'met' : 'MISSED'}`);
}

// Run as a script only when it is reading.js itself (run.ts bundles this module into run.js).
const main = require.main === module && /reading\.js$/.test(process.argv[1] ?? '');
if (main && process.argv[2] === 'cold') {
  // readSpeed's cold figure: the first parse of a file in this fresh process, CPU ms.
  const text = fs.readFileSync(process.argv[3], 'utf8');
  const c0 = process.cpuUsage();
  parseDocument(process.argv[4], text);
  const c = process.cpuUsage(c0);
  console.log(String((c.user + c.system) / 1000));
} else if (main && process.argv[2] === 'warm') {
  // readSpeed's warm figure: after ten parses (the compiler's tiers settled), the median CPU
  // ms of RUNS more, in this fresh process.
  const [runs, file, uri] = process.argv.slice(3);
  const text = fs.readFileSync(file, 'utf8');
  for (let i = 0; i < 10; i++) parseDocument(uri, text);
  console.log(String(cpuMs(() => parseDocument(uri, text), Number(runs))));
} else if (main) {
  const only = process.argv[2];
  const rows: FigureRow[] = [];
  if (!only || only === 'markdown') rows.push(...markdownSpeed());
  if (!only || only === 'memory') rows.push(...checkMemory());
  if (!only || only === 'yaml') rows.push(...yamlLinearity());
  if (!only || only === 'keystroke') rows.push(...keystrokeReading());
  printFigures(rows);
}
