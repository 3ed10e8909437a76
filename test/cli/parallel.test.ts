/**
 * `stratdoc check` on many files reads them on several threads (docs/cli.md "Many files",
 * docs/decisions.md "Many files"): the output, its order and the exit code are the same
 * as with one thread, on a tree with strategies, plans that link them (cross-file
 * findings), an unmarked plan, a file that cannot be read, an excluded one, CR line
 * breaks and ordinary Markdown/YAML. The progress line shows on a terminal only, never
 * for json or sarif. The workers ran: STRATDOC_DEBUG names the threads.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY, hashTree, run } from './harness';
import { generateCorpus } from '../bench/corpus';
import { run as runCli } from '../../server/src/cli/run';
import type { CliIo } from '../../server/src/cli/io';
import { pathToFileURL } from 'node:url';
import { readJob, type ReadJob } from '../../server/src/node/parallel';
import { ChunkCache, parseDocument } from '../../server/src/core/parse';
import { splitPlan } from '../../server/src/core/parse/yaml';
import { LineIndex } from '../../server/src/core/text';
import type { ParsedDocument } from '../../server/src/core/model';

/** A team's repository: 6 strategies with 5 plans each, and what else lies around in one. */
function makeTree(dir: string): void {
  generateCorpus(dir, { strategies: 6, plans: 5, entries: 14, seed: 42 });
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'ordinary'), path.join(dir, 'ordinary'), { recursive: true });
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'recognition', 'plans', 'excel-export.md'), path.join(dir, 'exports', 'excel-export.md'));
  fs.writeFileSync(path.join(dir, '.stratdoc.yaml'), 'exclude: ["archiv/**"]\n');
  fs.mkdirSync(path.join(dir, 'archiv'));
  fs.writeFileSync(path.join(dir, 'archiv', '2019.plan.md'), '---\nstratdoc: plan\n---\n| Datum | Kanal |\n|---|---|\n| 1.1.2019 | Fax |\n');
  // Not UTF-8: a `file` finding, not a document.
  fs.writeFileSync(path.join(dir, 'kaputt.plan.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xfd, 0x00, 0x41]));
  // Old Mac line breaks (lone CR): the parsed text differs from the read one.
  fs.writeFileSync(
    path.join(dir, 'org-000', 'plaene', 'mac.plan.md'),
    '---\rstratdoc: plan\rstrategy: ../strategie.md\r---\r# Alt\r\r| Datum | Kanal | Thema |\r|---|---|---|\r| 03.02.2027 | Instagram | Neu: Probefahrt |\r',
  );
  // A plan in a folder of its own naming the strategy of another: its project spans two
  // folders, so two threads may read it (then its models go to the main thread).
  const org1 = path.join(dir, 'org-001');
  const strategy1 = fs.readdirSync(org1).find((f) => /^strateg/.test(f))!;
  fs.mkdirSync(path.join(dir, 'querbeet'));
  fs.writeFileSync(
    path.join(dir, 'querbeet', '2027.plan.md'),
    `---\nstratdoc: plan\nstrategy: ../org-001/${strategy1}\n---\n# Querbeet\n\n| Datum | Kanal | Thema | Ziel |\n|---|---|---|---|\n| 04.02.2027 | Instagram | Hinter den Kulissen | G-NIRGENDS |\n`,
  );
  // A plan whose strategy is gone: a cross-file finding.
  fs.writeFileSync(
    path.join(dir, 'lost.plan.yaml'),
    'stratdoc: plan\nstrategy: ./nowhere.strategy.md\nentries:\n  - date: 2027-03-01\n    channel: instagram\n    title: Hallo\n',
  );
}

const threadsOf = (stderr: string) => Number(/read \d+ files on (\d+) threads?/.exec(stderr)?.[1]);
const readOnWorkers = (stderr: string) => Number(/read \d+ files on \d+ threads? \((\d+) on workers\)/.exec(stderr)?.[1]);
const withoutDebug = (stderr: string) =>
  stderr
    .replace(/^stratdoc: read \d+ files on \d+ threads? \(\d+ on workers\)\n/m, '')
    .replace(/^stratdoc: checked .*\n/m, '')
    .replace(/^stratdoc: ms since start: .*\n/m, '')
    .replace(/^stratdoc: workers checked .*\n/m, '');
/** Where the projects were checked (STRATDOC_DEBUG): on workers, on the main thread, sent to it. */
const checkedOf = (stderr: string) => {
  const m = /checked (\d+) projects on workers, (\d+) here, (\d+) sent here \((\d+) as soon as read\)/.exec(stderr);
  return m ? { workers: Number(m[1]), here: Number(m[2]), sent: Number(m[3]), early: Number(m[4]) } : undefined;
};

describe('cli: many files on several threads', function () {
  this.timeout(240_000);
  let TMP = '';
  before(() => {
    TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-parallel-'));
    makeTree(TMP);
  });
  after(() => fs.rmSync(TMP, { recursive: true, force: true }));

  for (const format of ['json', 'stylish'] as const) {
    it(`--format ${format}: the same output, order and exit code on 1, 2 and 3 threads, and nothing written`, () => {
      const before = hashTree(TMP);
      const runs = [1, 2, 3].map((jobs) => ({
        jobs,
        r: run(['check', '.', '--today', TODAY, '--format', format, '--jobs', String(jobs)], { cwd: TMP, env: { STRATDOC_DEBUG: '1' } }),
      }));
      for (const { jobs, r } of runs) {
        assert.equal(threadsOf(r.stderr), jobs, `--jobs ${jobs} reads on ${jobs} threads: ${r.stderr}`);
        const c = checkedOf(r.stderr)!;
        // 6 strategies, the plan without its strategy and the unmarked… : every project is checked once, somewhere.
        const c1 = checkedOf(runs[0].r.stderr)!;
        assert.equal(c.workers + c.here + c.sent, c1.here + c1.sent, `every project is checked once: ${r.stderr}`);
        // Which thread takes which group is a race: under load the main thread may take them
        // all before a worker has started. Workers that read files check projects: kept, or
        // checked as soon as read and then found to be part of a larger one (org-001's, when
        // a worker's only group was that folder: its project is then checked here).
        const tried = Number(/workers checked (\d+) projects as soon as read/.exec(r.stderr)?.[1] ?? 0);
        if (jobs > 1) assert.ok(c.workers > 0 || tried > 0 || readOnWorkers(r.stderr) === 0, `workers that read check projects: ${r.stderr}`);
        else assert.equal(c.workers, 0);
        // The strategies with their plans in their own folder are checked as soon as read;
        // org-001's is not the project it looked like there (querbeet's plan joins it), so
        // it is checked again with all its documents on the main thread.
        assert.ok(c.early > 0, `projects are checked as soon as their folder is read: ${r.stderr}`);
        assert.ok(c.sent >= 1, `the project that spans two folders is put together: ${r.stderr}`);
      }
      const [one, ...more] = runs.map((x) => x.r);
      assert.equal(one.code, 1, 'the tree has errors');
      for (const r of more) {
        assert.equal(r.code, one.code);
        assert.equal(r.stdout, one.stdout);
        assert.equal(withoutDebug(r.stderr), withoutDebug(one.stderr));
      }
      if (format === 'json') {
        const list = JSON.parse(one.stdout) as { file: string; rule: string }[];
        const rules = (f: string) => new Set(list.filter((d) => d.file === f).map((d) => d.rule));
        assert.ok(
          list.some((d) => d.file.startsWith('org-') && d.file.includes('.plan.')),
          'plans have findings',
        );
        assert.ok(rules('kaputt.plan.md').has('file'), 'the unreadable plan is named');
        assert.ok(rules('exports/excel-export.md').has('unmarked-document'), 'the unmarked plan gets its notice');
        assert.ok(rules('lost.plan.yaml').size > 0, 'the plan without its strategy has a finding');
        assert.ok(rules('querbeet/2027.plan.md').has('unknown-reference'), 'the plan in another folder is checked with its strategy');
        assert.ok(
          list.some((d) => d.file === 'org-000/plaene/mac.plan.md'),
          'the plan with CR line breaks is read',
        );
        assert.ok(!list.some((d) => d.file.startsWith('ordinary/') || d.file.startsWith('archiv/')), 'ordinary and excluded files stay silent');
      }
      assert.equal(hashTree(TMP), before);
    });
  }

  it('report and --fix-dry-run, which need every model on the main thread, get them from the workers', () => {
    const before = hashTree(TMP);
    const out = path.join(os.tmpdir(), `stratdoc-parallel-report-${process.pid}.html`);
    try {
      // report reads on as many threads as there are cores; without a progress line (a pipe).
      const r = run(['report', '.', '--today', TODAY, '--lang', 'en', '-o', out], { cwd: TMP, env: { STRATDOC_DEBUG: '1' } });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Report written to .* \(\d+ projects, [1-9]\d* findings\)/);
      assert.match(fs.readFileSync(out, 'utf8'), /querbeet\/2027\.plan\.md/, 'the plan in its own folder is in the report');
    } finally {
      fs.rmSync(out, { force: true });
    }
    const fixes = [1, 2, 3].map((jobs) => run(['check', '.', '--today', TODAY, '--fix-dry-run', '--jobs', String(jobs)], { cwd: TMP }));
    assert.match(fixes[0].stdout, /^\+\+\+ /m, 'there is something to fix');
    for (const r of fixes.slice(1)) {
      assert.equal(r.stdout, fixes[0].stdout);
      assert.equal(r.code, fixes[0].code);
    }
    assert.equal(hashTree(TMP), before, 'nothing written');
  });

  it('few files: no worker is started, whatever --jobs says', () => {
    const small = path.join(TMP, 'small');
    generateCorpus(small, { strategies: 2, plans: 3, entries: 10, seed: 7 });
    fs.mkdirSync(path.join(small, '.git')); // its own project root
    try {
      const r = run(['check', '.', '--today', TODAY, '--format', 'json', '--jobs', '4'], { cwd: small, env: { STRATDOC_DEBUG: '1' } });
      assert.match(r.stderr, /read 8 files on 1 thread\b/);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.ok((JSON.parse(r.stdout) as unknown[]).length > 0, 'the plans were checked');
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  });

  it('--jobs takes a whole number of 1 or more', () => {
    for (const bad of ['0', 'two', '-1', '1.5']) {
      const r = run(['check', '.', '--jobs', bad, '--lang', 'en'], { cwd: TMP });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs .* is not a whole number of 1 or more|Unknown option|unknown option/i, bad);
      assert.doesNotMatch(r.stderr, /Error:|at .*\.js/, 'no JavaScript error text');
    }
  });

  describe('progress', () => {
    /** The CLI in-process with stderr claimed to be a terminal (a pipe is what tests have). */
    const inProcess = (args: string[], stderrIsTTY: boolean) => {
      let out = '';
      let err = '';
      const io: CliIo = { cwd: TMP, env: {}, stdout: (s) => void (out += s), stderr: (s) => void (err += s), stdoutIsTTY: false, stderrIsTTY };
      const code = runCli(['check', '.', '--today', TODAY, '--lang', 'en', ...args], io);
      return { code, out, err };
    };

    it('on a terminal: one line on stderr, overwritten, wiped before the output; the output unchanged', () => {
      const tty = inProcess([], true);
      const pipe = inProcess([], false);
      assert.equal(tty.out, pipe.out);
      assert.equal(tty.code, pipe.code);
      assert.match(tty.err, /\r\x1b\[Kstratdoc: reading \d+\/(\d+) files/);
      const total = /reading \d+\/(\d+) files/.exec(tty.err)![1];
      assert.ok(tty.err.includes(`reading ${total}/${total} files`), 'the last file always shows');
      assert.match(tty.err, /\r\x1b\[Kstratdoc: checking \d+ documents/);
      // The last control sequence is the wipe: after it, no progress text.
      assert.doesNotMatch(tty.err.slice(tty.err.lastIndexOf('\r\x1b[K') + 4), /reading|checking/, 'the line is wiped');
      assert.equal(pipe.err, '', 'no progress into a pipe or a file');
    });

    it('German on a terminal, never with --format json or sarif', () => {
      assert.match(inProcess(['--lang', 'de'], true).err, /stratdoc: lese \d+\/\d+ Dateien/);
      for (const f of ['json', 'sarif']) assert.doesNotMatch(inProcess(['--format', f], true).err, /reading|\x1b/, f);
    });
  });
});

describe('cli: a long YAML plan is read in pieces (node/parallel.ts readJob)', function () {
  this.timeout(60000);
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-pieces-'));
    generateCorpus(dir, { strategies: 2, entries: 300, seed: 23 });
    file = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, String(f))).find((f) => f.endsWith('.plan.yaml'))!;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const job = (f: string): ReadJob => ({
    file: f,
    uri: pathToFileURL(f).href,
    boundary: dir,
    maxFileSize: 5 << 20,
    included: false,
    excluded: false,
    report: true,
  });
  /** The model as the CLI's threads read it, beside the reading of the whole text. */
  const both = (f: string) => {
    const read = readJob(job(f));
    assert.ok(read.r.ok);
    return { read: read.doc!, whole: parseDocument(job(f).uri, read.r.text)! };
  };
  const plain = (d: ParsedDocument) => JSON.parse(JSON.stringify({ ...d, lines: undefined }));

  it('long enough to be cut into entries, and read into the very model a whole reading gives', () => {
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(splitPlan(text, new LineIndex(text)), 'the plan is cut');
    const { read, whole } = both(file);
    assert.equal(read.plan!.entries.length, 300);
    assert.ok(read.problems.length > 0 || read.plan!.entries.some((e) => e.fields.length > 0));
    assert.deepEqual(plain(read), plain(whole));
  });

  it("a syntax error inside one entry stays that entry's: read as the server reads the open plan, not whole", () => {
    const text = fs.readFileSync(file, 'utf8');
    // A key at column 0 in the middle of the list: read whole it ends the list (the entries
    // after it are lost, with errors); the pieces keep it with the entry before (docs/decisions.md "Many files").
    const i = text.indexOf('\n  - ', text.length >> 1) + 1;
    const broken = path.join(path.dirname(file), 'broken.plan.yaml');
    const brokenText = text.slice(0, i) + 'oops: 1\n' + text.slice(i);
    fs.writeFileSync(broken, brokenText);
    const keyLine = new LineIndex(brokenText).positionAt(i).line;
    const { read, whole } = both(broken);
    assert.ok(whole.plan!.entries.length < 300, 'read whole, the list ends at the key');
    assert.equal(read.plan!.entries.length, 300, 'in pieces, every entry is read');
    const syntax = read.problems.filter((p) => p.rule === 'syntax');
    assert.ok(syntax.length >= 1, 'the key is a syntax error');
    for (const p of syntax) assert.equal(p.range.start.line, keyLine, "on the key's line only");
    // The very reading the server gives the open document (a chunk cache: pieces).
    const server = parseDocument(job(broken).uri, brokenText, { cache: new ChunkCache() })!;
    assert.deepEqual(plain(read), plain(server));
  });
});
