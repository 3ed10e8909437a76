/**
 * `npm run bench`: how much slower is `stratdoc check` than just parsing the same files?
 *
 * Generates a corpus (default: 100 strategies and 100 plans of 500 entries, half
 * Markdown, half YAML) in a temp folder and measures, interleaved, several runs each:
 *   (a) `node dist/cli.js check <dir> --format json --today 2027-02-15` as a child process
 *       (in-process loadWorkspace + check while dist/cli.js does not exist),
 *   (b) reading the same files and parsing them with remark (unified + remark-parse +
 *       remark-gfm + remark-frontmatter, whole file) and yaml (parseDocument), in-process,
 *   (c) node's own startup (`node -e 0`),
 * and prints medians and the ratio a/b (target ≤ 1.3), with and without node's startup.
 * Wall-clock time is the measure; CPU time (user + system of the whole process) is shown
 * beside it because it is steadier on a busy machine.
 *
 * Then the reading figures (test/bench/reading.ts): Markdown read speed, the CLI's peak
 * memory on a 10,000-row plan, YAML linearity (5,000 → 50,000 entries), each beside its
 * baseline (bare remark / yaml) and goal.
 *
 * Options: --strategies N --entries N --runs N --dir PATH (reuse/keep a corpus there)
 *          --no-reading (skip the reading figures)
 *          --keep (keep the temp corpus) --profile (write a CPU profile of one CLI run
 *          to .bench/ and print its top functions).
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
import { generateCorpus, type CorpusStats } from './corpus';
import { markdownSpeed, checkMemory, yamlLinearity, printFigures } from './reading';
import { loadWorkspace, listFiles } from '../helpers/fsworkspace';
import { repoRoot } from '../helpers/repo';

const TODAY = '2027-02-15';


function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return def;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? 'true' : v;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Sample {
  wall: number;
  cpu: number;
}

// ------------------------------------------------------------------ what is measured

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

function corpusFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => /\.(md|markdown|ya?ml)$/i.test(f) && path.basename(f) !== '.stratdoc.yaml');
}

/** (b): read every file and parse it whole with remark or yaml. Returns a checksum. */
function parseOnly(dir: string): number {
  let n = 0;
  for (const f of corpusFiles(dir)) {
    const text = fs.readFileSync(f, 'utf8');
    if (/\.ya?ml$/i.test(f)) n += parseYaml(text).errors.length + 1;
    else n += processor.parse(text).children.length;
  }
  return n;
}

/** stratdoc's core in-process: read, parse and check everything (what the CLI does, minus the process). */
function coreInProcess(dir: string): number {
  const ws = loadWorkspace(dir);
  let n = 0;
  for (const list of ws.check(TODAY).values()) n += list.length;
  return n;
}

function timeInProcess(fn: () => number): Sample & { result: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, result };
}

/** Runs node with a preload that reports the child's CPU time on fd 3. */
function timeChild(preload: string, args: string[], cwd: string): Sample & { status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8' });
  const wall = performance.now() - t0;
  let cpu = NaN;
  try {
    const u = JSON.parse(String(r.output[3] ?? ''));
    cpu = (u.user + u.system) / 1000;
  } catch {
    /* no report */
  }
  return { wall, cpu, status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

// ------------------------------------------------------------------ profile

function topOfProfile(file: string, n = 25): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i])!;
    const f = node.callFrame;
    const k = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(node_modules\/)?/, '')}:${f.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + p.timeDeltas[i]);
    total += p.timeDeltas[i];
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
}

// ------------------------------------------------------------------ main

function main(): void {
  const root = repoRoot();
  const strategies = Number(arg('strategies', '100'));
  const entries = Number(arg('entries', '500'));
  const runs = Number(arg('runs', '3'));
  const given = arg('dir');
  const keep = given !== undefined || arg('keep') === 'true';
  const dir = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-bench-'));
  const cli = path.join(root, 'dist/cli.js');
  const haveCli = fs.existsSync(cli);
  const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-bench-pre-')), 'cpu.js');
  fs.writeFileSync(preload, "process.on('exit', () => { try { require('fs').writeSync(3, JSON.stringify(process.cpuUsage())); } catch {} });\n");

  const t0 = performance.now();
  let stats: CorpusStats;
  if (given && fs.existsSync(dir) && corpusFiles(dir).length) {
    const files = corpusFiles(dir);
    stats = { files: files.length, bytes: files.reduce((s, f) => s + fs.statSync(f).size, 0), markdown: files.filter((f) => f.endsWith('.md')).length, yaml: files.filter((f) => !f.endsWith('.md')).length, entries: NaN };
    console.log(`Corpus: reusing ${dir}`);
  } else {
    stats = generateCorpus(dir, { strategies, entries });
    console.log(`Corpus: generated in ${dir} (${Math.round(performance.now() - t0)} ms)`);
  }
  console.log(`  ${stats.files} files (${stats.markdown} Markdown, ${stats.yaml} YAML), ${(stats.bytes / 1024 / 1024).toFixed(2)} MB${Number.isNaN(stats.entries) ? '' : `, ${stats.entries} plan entries`}`);
  console.log(`  node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(haveCli ? `  stratdoc: ${path.relative(root, cli)} check <dir> --format json --today ${TODAY} (child process)` : `  dist/cli.js does not exist (yet): (a) is measured in-process with loadWorkspace + check`);
  console.log('');

  const startup: Sample[] = [];
  const check: Sample[] = [];
  const base: Sample[] = [];
  const core: Sample[] = [];
  let findings = -1;
  let checksum = 0;
  // Warm the file cache once, so that no measurement pays for the first read from disk.
  parseOnly(dir);
  for (let r = 0; r < runs; r++) {
    startup.push(timeChild(preload, ['-e', '0'], root));
    if (haveCli) {
      const x = timeChild(preload, [cli, 'check', dir, '--format', 'json', '--today', TODAY], root);
      if (x.status !== 0 && x.status !== 1) {
        console.error(`stratdoc check exited with ${x.status}:\n${x.stderr.slice(0, 2000)}`);
        process.exit(2);
      }
      if (r === 0) findings = countFindings(x.stdout);
      check.push(x);
    } else {
      const c = timeInProcess(() => coreInProcess(dir));
      findings = c.result;
      core.push(c);
    }
    const b = timeInProcess(() => parseOnly(dir));
    checksum = b.result;
    base.push(b);
    process.stdout.write(`  run ${r + 1}/${runs}: ${haveCli ? `check ${Math.round(check[r].wall)} ms` : `core in-process ${Math.round(core[r].wall)} ms`}, parse-only ${Math.round(b.wall)} ms, node -e 0 ${Math.round(startup[r].wall)} ms\n`);
  }
  // Once each, for context: the parse-only work in a fresh process (cold, like the CLI),
  // and the core in-process (what the CLI does, minus its process).
  const coldBase: Sample[] = [];
  const x = timeChild(preload, [__filename, '--parse-only', dir], root);
  const inner = Number(/parse-only-ms (\S+)/.exec(x.stdout)?.[1]);
  coldBase.push({ wall: inner, cpu: x.cpu - median(startup.map((s) => s.cpu)) });
  if (haveCli) core.push(timeInProcess(() => coreInProcess(dir)));
  const a = haveCli ? check : core;
  const med = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));
  const row = (name: string, xs: Sample[]) => `${name.padEnd(52)} ${med(xs, 'wall').toFixed(0).padStart(8)} ${med(xs, 'cpu').toFixed(0).padStart(8)} ${Math.min(...xs.map((x) => x.wall)).toFixed(0).padStart(8)}`;
  console.log('');
  console.log(`Medians of ${runs} runs (ms)                                      wall      cpu  min wall`);
  console.log('-'.repeat(80));
  console.log(row(haveCli ? '(a) stratdoc check, CLI child process' : '(a) stratdoc core in-process (no CLI yet)', a));
  console.log(row('(b) read + parse only (remark / yaml), in-process', base));
  console.log(row('(c) node startup (node -e 0)', startup));
  console.log(row('    read + parse only, fresh process (1 run, cold JIT)', coldBase));
  if (haveCli) console.log(row('    stratdoc core in-process (1 run, read+parse+check)', core));
  console.log('-'.repeat(80));
  const ratio = (x: number, y: number) => (x / y).toFixed(2);
  const aw = med(a, 'wall');
  const bw = med(base, 'wall');
  const sw = haveCli ? med(startup, 'wall') : 0;
  const ac = med(a, 'cpu');
  const bc = med(base, 'cpu');
  const sc = haveCli ? med(startup, 'cpu') : 0;
  const verdict = (x: number) => (x <= 1.3 ? 'meets the target ≤ 1.3' : 'MISSES the target ≤ 1.3');
  console.log(`(c) ratio a/b, wall:                    ${ratio(aw, bw)}  ${verdict(aw / bw)}`);
  if (haveCli) console.log(`    ratio (a − node startup)/b, wall:    ${ratio(aw - sw, bw)}  ${verdict((aw - sw) / bw)}`);
  console.log(`    ratio a/b, cpu:                      ${ratio(ac, bc)}`);
  if (haveCli) console.log(`    ratio (a − node startup)/b, cpu:     ${ratio(ac - sc, bc)}`);
  if (haveCli) console.log(`    ratio (a − node startup)/(parse only in a fresh process), wall: ${ratio(aw - sw, med(coldBase, 'wall'))}`);
  if (haveCli) console.log(`    core in-process / parse-only, wall:  ${ratio(med(core, 'wall'), bw)}`);
  console.log(`\n${findings >= 0 ? `${findings} findings` : 'findings: (could not count)'}; parse checksum ${checksum}`);

  // The reading figures of issue #15 (test/bench/reading.ts); --no-reading skips them.
  if (!process.argv.includes('--no-reading')) {
    console.log('');
    printFigures([...markdownSpeed(), ...checkMemory(), ...yamlLinearity()]);
  }

  if (arg('profile') === 'true') {
    const profDir = path.join(root, '.bench');
    fs.mkdirSync(profDir, { recursive: true });
    const target = haveCli ? [cli, 'check', dir, '--format', 'json', '--today', TODAY] : [__filename, '--core-only', dir];
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', 'check.cpuprofile', ...target], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    console.log(`\nCPU profile of one check (${path.join(profDir, 'check.cpuprofile')}, exit ${r.status}), by self time:`);
    console.log(topOfProfile(path.join(profDir, 'check.cpuprofile')));
  }
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(preload), { recursive: true, force: true });
  // The extension as users install it (target: under 1 MB).
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packageVsix } = require(path.join(root, 'scripts', 'package.js')) as { packageVsix(o: { out: string; quiet: boolean }): string };
    const vsix = packageVsix({ out: path.join(root, 'out', 'bench', 'stratdoc.vsix'), quiet: true });
    const kb = fs.statSync(vsix).size / 1024;
    console.log(`\n.vsix size: ${kb.toFixed(1)} KB (target under 1 MB: ${kb < 1024 ? 'ok' : 'MISS'})`);
  } catch (e) {
    console.log(`\n.vsix size: could not package (${String(e).split('\n')[0]})`);
  }
  console.log(`\nTotal bench time ${((performance.now() - t0) / 1000).toFixed(1)} s${keep ? `; corpus kept in ${dir}` : ''}`);
}

function countFindings(stdout: string): number {
  try {
    const j = JSON.parse(stdout) as unknown;
    if (Array.isArray(j)) return j.length;
    for (const k of ['findings', 'diagnostics', 'results']) {
      const v = (j as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v.length;
    }
  } catch {
    /* not JSON */
  }
  return -1;
}

if (process.argv.includes('--parse-only')) {
  const t0 = performance.now();
  parseOnly(process.argv[process.argv.indexOf('--parse-only') + 1]);
  console.log(`parse-only-ms ${performance.now() - t0}`);
} else if (process.argv.includes('--core-only')) {
  // Used by --profile while there is no CLI.
  console.log(coreInProcess(process.argv[process.argv.indexOf('--core-only') + 1]));
} else {
  main();
}
