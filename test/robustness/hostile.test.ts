/**
 * Hostile workspaces (issue #10, items 1–6, 8, 9): what a pull request from a stranger can
 * put into a repository must not crash, hang, leak files from outside the workspace or
 * overwrite a document. Each case runs the real CLI (dist/cli.js) or the real server
 * (dist/server.js over stdio); timeouts are generous and only there to catch hangs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, cleanEnv, TODAY } from '../cli/harness';
import { TestClient } from '../lsp/harness';

const POSIX = process.platform !== 'win32';

interface JsonDiag {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

function cli(args: string[], cwd: string, timeout = 60_000): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  assert.ok(!r.error, `the CLI did not finish within ${timeout / 1000} s (${String(r.error)})`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function check(cwd: string, ...args: string[]): { code: number | null; list: JsonDiag[]; stderr: string } {
  const r = cli(['check', '--today', TODAY, '--format', 'json', ...args], cwd);
  assert.doesNotMatch(r.stderr, /internal error|interner Fehler|Error:|at \S+ \(/, 'no JavaScript error on stderr');
  let list: JsonDiag[];
  try {
    list = JSON.parse(r.stdout) as JsonDiag[];
  } catch {
    throw new Error(`stdout is no JSON; exit ${r.code}; stderr:\n${r.stderr}`);
  }
  return { code: r.code, list, stderr: r.stderr };
}

/** A fresh workspace (with `.git`, so it is its own project root) holding `files`. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-hostile-')));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const STRATEGY = `---
stratdoc: strategy
---
# Social-Media-Strategie Bäckerei Kunz

## Team

| ID | Name | Abteilung |
|---|---|---|
| @anna | Anna Kunz | Geschäftsführung |

## Ziele

- **Z1**: Mehr Bestellungen über die Website.
`;

const PLAN_MD = `---
stratdoc: plan
period: 2027-01-01..2027-06-30
---
# Redaktionsplan

| Datum | Kanal | Titel | Ziel | Verantwortlich | Status |
|---|---|---|---|---|---|
| 05.01.2027 | Instagram | Neues Brot | Z1 | @anna | Idee |
| 20.03.2027 | Instagram | Frühlingsangebot | Z1 | @bert | Entwurf |
| 02.04.2027 | Facebook | Ostern | | @anna | Idee |
`;

const PLAN_YAML = `stratdoc: plan
period: 2027-01-01..2027-06-30
entries:
  - date: 2027-01-05
    channel: instagram
    title: Neues Brot
    owner: anna
  - date: 2027-03-20
    channel: instagram
    title: Frühlingsangebot
    goal: Z1
    owner: bert
`;

/** Billion laughs: 10^12 expansions if toJS were allowed to expand them. */
function billionLaughs(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 11; i++)
    lines.push(
      `b${i}: &b${i} [${Array(10)
        .fill(i === 1 ? '*a' : `*b${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\nlanguage: de\n';
}

function rmrf(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

describe('robustness: hostile workspaces (CLI)', function () {
  this.timeout(120_000);

  it('1: a configuration with more than 100 aliases is a finding on it, and checking goes on', () => {
    for (const cfg of [billionLaughs(), `base: &b { language: de }\n${Array.from({ length: 101 }, (_, i) => `k${i}: { <<: *b }`).join('\n')}\n`]) {
      const dir = workspace({ '.stratdoc.yaml': cfg, 'strategie.md': STRATEGY, 'plaene/q1.plan.md': PLAN_MD });
      try {
        const r = check(dir);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stderr, /^\.stratdoc\.yaml:1:1: warning: \.stratdoc\.yaml uses YAML aliases .* more than 100 times/m);
        assert.ok(
          r.list.some((d) => d.file === 'plaene/q1.plan.md' && d.rule === 'unknown-person'),
          'the plan is still checked',
        );
      } finally {
        rmrf(dir);
      }
    }
  });

  it('2: an include glob that backtracks in a regex engine is matched in linear time', () => {
    const a60 = 'a'.repeat(60);
    const dir = workspace({
      '.stratdoc.yaml': 'include: ["**/*a*a*a*a*a*a*a*a*a*a.md", "**/*a*a*a*a*a*a*a*a*a*a*b.md"]\n',
      [`${a60}.md`]: '# Notizen\n',
      [`tief/${a60}x.md`]: '# Notizen\n',
    });
    try {
      const r = check(dir);
      // The 60-a file matches the first glob and is read as a strategy (the user asked for it).
      assert.ok(r.list.some((d) => d.file === `${a60}.md` && d.rule === 'missing-step'));
      assert.ok(!r.list.some((d) => d.file.startsWith('tief/')), 'the other file matches neither glob');
    } finally {
      rmrf(dir);
    }
  });

  it('3: report --out refuses an input document (also through a link), writes through a temporary file, says what it wrote', () => {
    const dir = workspace({ 'strategie.md': STRATEGY, 'plaene/q1.plan.md': PLAN_MD, 'README.md': '# Readme\n' });
    try {
      const before = fs.readFileSync(path.join(dir, 'strategie.md'), 'utf8');
      for (const out of ['strategie.md', './plaene/../strategie.md', path.join(dir, 'plaene', 'q1.plan.md'), 'README.md']) {
        const r = cli(['report', '--today', TODAY, '--out', out], dir);
        assert.equal(r.code, 2, `--out ${out}`);
        assert.match(r.stderr, /will not write the report to .*: it is one of the files read/);
      }
      if (POSIX) {
        fs.symlinkSync('strategie.md', path.join(dir, 'bericht.html'));
        assert.equal(cli(['report', '--today', TODAY, '--out', 'bericht.html'], dir).code, 2, 'a link to an input is an input');
      }
      assert.equal(fs.readFileSync(path.join(dir, 'strategie.md'), 'utf8'), before);
      assert.equal(fs.readFileSync(path.join(dir, 'plaene', 'q1.plan.md'), 'utf8'), PLAN_MD);
      const ok = cli(['report', '--today', TODAY, '--out', 'out/bericht.html'], dir);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /^Report written to out\/bericht\.html/);
      assert.match(fs.readFileSync(path.join(dir, 'out', 'bericht.html'), 'utf8'), /<html/);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['bericht.html'], 'no temporary file is left');
      const folder = cli(['report', '--today', TODAY, '--out', 'plaene'], dir);
      assert.equal(folder.code, 2, 'a folder is not overwritten');
    } finally {
      rmrf(dir);
    }
  });

  (POSIX ? it : it.skip)('4: links never leave the workspace root: no outside content in check or report, a link to / is not walked', () => {
    const outside = workspace({ 'geheim.plan.md': PLAN_MD.replace('Neues Brot', 'STRENG GEHEIM'), 'x.strategy.md': '# GEHEIME STRATEGIE\n' });
    const dir = workspace({ 'strategie.md': STRATEGY, 'plaene/q1.plan.md': PLAN_MD });
    try {
      fs.symlinkSync(outside, path.join(dir, 'aussen'));
      fs.symlinkSync('/', path.join(dir, 'wurzel'));
      fs.symlinkSync(path.join(outside, 'geheim.plan.md'), path.join(dir, 'plaene', 'link.plan.md'));
      fs.symlinkSync('..', path.join(dir, 'plaene', 'schleife')); // a loop inside the root
      fs.symlinkSync('q1.plan.md', path.join(dir, 'plaene', 'kopie.plan.md')); // a second name of a file inside
      const r = check(dir);
      const files = new Set(r.list.map((d) => d.file));
      assert.ok(![...files].some((f) => f.startsWith('aussen/') || f.startsWith('wurzel/') || f.includes('schleife/')), [...files].join(', '));
      assert.ok(!r.list.some((d) => /GEHEIM/.test(d.message)));
      const link = r.list.filter((d) => d.file === 'plaene/link.plan.md');
      assert.deepEqual(
        link.map((d) => d.rule),
        ['file'],
        'a link out of the root is named, not read',
      );
      assert.match(link[0].message, /outside the workspace/);
      assert.ok(!files.has('plaene/kopie.plan.md'), 'a file is read once, under its first name');
      const rep = cli(['report', '--today', TODAY, '--out', 'bericht.html'], dir);
      assert.equal(rep.code, 0, rep.stderr);
      assert.doesNotMatch(fs.readFileSync(path.join(dir, 'bericht.html'), 'utf8'), /GEHEIM/);
    } finally {
      rmrf(dir);
      rmrf(outside);
    }
  });

  it('5: maxFileSize of 200,000 spaces is a finding, not a minute of regex', () => {
    const dir = workspace({ '.stratdoc.yaml': `maxFileSize: "1${' '.repeat(200_000)}x"\n`, 'q1.plan.md': PLAN_MD });
    try {
      const r = check(dir);
      assert.match(r.stderr, /\.stratdoc\.yaml:1:14: warning: .*'maxFileSize' must be a size from 1 byte to 100 MB/);
      assert.ok(
        r.list.some((d) => d.file === 'q1.plan.md'),
        'the plan is checked with the default size',
      );
    } finally {
      rmrf(dir);
    }
  });

  it('6: lone CR, CRLF and UTF-16 (LE, BE, with BOM) give the findings of the UTF-8 LF twin at the same places', () => {
    const variants: Record<string, (s: string) => Buffer> = {
      lf: (s) => Buffer.from(s),
      cr: (s) => Buffer.from(s.replace(/\n/g, '\r')),
      crlf: (s) => Buffer.from(s.replace(/\n/g, '\r\n')),
      bom: (s) => Buffer.from('\ufeff' + s),
      u16le: (s) => Buffer.from('\ufeff' + s, 'utf16le'),
      u16be: (s) => Buffer.from('\ufeff' + s, 'utf16le').swap16(),
    };
    const results: Record<string, string> = {};
    for (const [name, enc] of Object.entries(variants)) {
      const dir = workspace({ 'strategie.md': enc(STRATEGY), 'plaene/q1.plan.md': enc(PLAN_MD), 'plaene/q2.plan.yaml': enc(PLAN_YAML) });
      try {
        const r = check(dir);
        assert.ok(!r.list.some((d) => d.rule === 'file'), `${name}: ${JSON.stringify(r.list.filter((d) => d.rule === 'file'))}`);
        results[name] = r.list
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)
          .sort()
          .join('\n');
      } finally {
        rmrf(dir);
      }
    }
    assert.ok(results.lf.split('\n').length > 5, results.lf);
    for (const name of Object.keys(variants)) assert.equal(results[name], results.lf, `${name} differs from LF`);
  });

  (POSIX ? it : it.skip)('6: a FIFO, a link to /dev/zero and a binary file named like a plan get the file finding and are never read', () => {
    const dir = workspace({ 'q1.plan.md': PLAN_MD, 'binaer.plan.yaml': Buffer.from([0x73, 0x74, 0, 0, 0xff, 0x00]) });
    try {
      const fifo = spawnSync('mkfifo', [path.join(dir, 'fifo.plan.md'), path.join(dir, '.stratdoc.yaml')]);
      assert.equal(fifo.status, 0, 'mkfifo');
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.plan.yaml'));
      const r = check(dir);
      const byFile = new Map(r.list.filter((d) => d.rule === 'file').map((d) => [d.file, d.message]));
      assert.match(byFile.get('fifo.plan.md') ?? '', /not a regular file/);
      assert.match(byFile.get('zero.plan.yaml') ?? '', /outside the workspace|not a regular file/);
      assert.match(byFile.get('binaer.plan.yaml') ?? '', /binary/);
      assert.match(r.stderr, /\.stratdoc\.yaml:1:1: warning: \.stratdoc\.yaml is not read: it is not a regular file/);
      assert.ok(
        r.list.some((d) => d.file === 'q1.plan.md' && d.rule !== 'file'),
        'the real plan is checked',
      );
      const named = check(dir, 'fifo.plan.md');
      assert.deepEqual(
        named.list.map((d) => d.rule),
        ['file'],
        'a FIFO named as a path is not waited on either',
      );
    } finally {
      rmrf(dir);
    }
  });

  it('8: 10,000 levels of nesting in YAML, front matter and Markdown are a finding in words', () => {
    const n = 10_000;
    const dir = workspace({
      'flow.plan.yaml': `stratdoc: plan\nentries: ${'['.repeat(n)}${']'.repeat(n)}\n`,
      'map.plan.yaml': `stratdoc: plan\nx: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
      'fm.strategy.md': `---\nstratdoc: strategy\nx: ${'['.repeat(n)}${']'.repeat(n)}\n---\n# S\n`,
      'zitat.strategy.md': `# S\n\n${'>'.repeat(n)} tief\n`,
      '.stratdoc.yaml': `rules: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    });
    try {
      const r = check(dir);
      for (const f of ['flow.plan.yaml', 'map.plan.yaml', 'fm.strategy.md', 'zitat.strategy.md']) {
        const d = r.list.filter((x) => x.file === f && x.rule === 'syntax');
        assert.ok(d.length >= 1, `${f}: ${JSON.stringify(r.list.filter((x) => x.file === f))}`);
        for (const x of d) assert.match(x.message, /nested too deeply/);
      }
      assert.doesNotMatch(JSON.stringify(r.list) + r.stderr, /call stack|RangeError/);
      assert.match(r.stderr, /\.stratdoc\.yaml:1:1: warning: \.stratdoc\.yaml is nested more than 64 levels deep/);
    } finally {
      rmrf(dir);
    }
  });

  it('9: absurd options, unknown rules and wrong types are findings in the user language; defaults apply', () => {
    const cfg = [
      'language: de',
      'languag: en',
      'rules:',
      '  push-ratoi: off',
      '  channel-gap: { maxGapDays: -1e8 }',
      '  push-ratio: { max: -1, minEntries: 2.5, maks: 1 }',
      '  kpi-not-smart: offf',
      'include: 5',
      '',
    ].join('\n');
    const dir = workspace({ '.stratdoc.yaml': cfg, 'strategie.md': STRATEGY, 'plaene/q1.plan.md': PLAN_MD });
    const plain = workspace({ '.stratdoc.yaml': 'language: de\n', 'strategie.md': STRATEGY, 'plaene/q1.plan.md': PLAN_MD });
    try {
      const r = check(dir);
      const lines = r.stderr.trim().split('\n');
      const want: [RegExp, string][] = [
        [/:2:1: Warnung: .*es gibt keine Einstellung 'languag'.*Meinten Sie 'language'\?/, 'unknown top-level key'],
        [/:4:3: Warnung: .*es gibt keine Regel 'push-ratoi'.*Meinten Sie 'push-ratio'\?/, 'unknown rule'],
        [/:5:30: Warnung: .*'channel-gap\.maxGapDays' muss eine ganze Zahl von 1 bis 3660 sein; es gilt die Voreinstellung 14/, 'maxGapDays'],
        [/'push-ratio\.max' muss von 0 bis 1 sein/, 'push-ratio.max'],
        [/'push-ratio\.minEntries' muss eine ganze Zahl von 1 bis 100000 sein/, 'minEntries'],
        [/die Regel 'push-ratio' hat keine Option 'maks'/, 'unknown option'],
        [/'rules\.kpi-not-smart' muss ein Schweregrad/, 'bad severity'],
        [/'include' muss eine Liste/, 'include'],
      ];
      for (const [re, what] of want)
        assert.ok(
          lines.some((l) => re.test(l)),
          `${what}:\n${r.stderr}`,
        );
      assert.equal(lines.length, want.length, r.stderr);
      assert.doesNotMatch(r.stderr, /Invalid input|Expected|received|Too small|expected/);
      // The rejected settings fall back to their defaults: the same findings as a plain configuration.
      const base = check(plain);
      assert.deepEqual(
        r.list.map((d) => `${d.file}:${d.line} ${d.rule}`),
        base.list.map((d) => `${d.file}:${d.line} ${d.rule}`),
      );
    } finally {
      rmrf(dir);
      rmrf(plain);
    }
  });

  it('.stratdoc.yml works; next to .stratdoc.yaml it is one finding and the .yaml wins', () => {
    const dir = workspace({ '.stratdoc.yml': 'language: de\n', 'strategie.md': STRATEGY, 'plaene/q1.plan.md': PLAN_MD });
    try {
      const yml = cli(['check', '--today', TODAY], dir);
      assert.match(yml.stdout, /Warnung/, 'language: de from .stratdoc.yml applies');
      assert.equal(yml.stderr, '');
      fs.writeFileSync(path.join(dir, '.stratdoc.yaml'), 'language: en\n');
      const both = cli(['check', '--today', TODAY], dir);
      assert.doesNotMatch(both.stdout, /Warnung/, '.stratdoc.yaml wins');
      const warnings = both.stderr.trim().split('\n');
      assert.equal(warnings.length, 1, both.stderr);
      assert.match(warnings[0], /^\.stratdoc\.yaml:1:1: warning: There is also a \.stratdoc\.yml in this folder; only \.stratdoc\.yaml is read/);
    } finally {
      rmrf(dir);
    }
  });

  it('a document over the size limit (counted in bytes) gets one finding, not a check', () => {
    // 1,500 characters of ä are 3,000 bytes: over a limit of 2 KB in bytes, under it in characters.
    const big = PLAN_MD + `\n<!-- ${'ä'.repeat(1500)} -->\n`;
    const dir = workspace({ '.stratdoc.yaml': 'maxFileSize: 2KB\n', 'q1.plan.md': big });
    try {
      const r = check(dir);
      assert.deepEqual(
        r.list.map((d) => d.rule),
        ['file'],
      );
      assert.match(r.list[0].message, /larger than 2 KB/);
    } finally {
      rmrf(dir);
    }
  });
});

describe('robustness: hostile workspaces (server)', function () {
  this.timeout(120_000);

  it('1, 2: an alias bomb and a backtracking glob neither silence nor block the server', async () => {
    const dir = workspace({
      '.stratdoc.yaml': billionLaughs(),
      'strategie.md': STRATEGY,
      'plaene/q1.plan.md': PLAN_MD,
      [`${'a'.repeat(60)}.md`]: '# Notizen\n',
    });
    const c = await TestClient.start(dir);
    try {
      const cfg = c.uri('.stratdoc.yaml');
      await c.until(() => c.codes(cfg).includes('config') && c.codes(c.uri('plaene/q1.plan.md')).length > 0, 'config finding and plan findings');
      assert.match(String(c.diagnostics.get(cfg)![0].message), /mehr als 100-fach|more than 100 times/);
      // The same server with a backtracking include glob still answers.
      await c.disk('.stratdoc.yaml', 'include: ["**/*a*a*a*a*a*a*a*a*a*a.md"]\n');
      const sym = await c.request<unknown[]>('workspace/symbol', { query: '' });
      assert.ok(Array.isArray(sym));
      await c.until(() => c.codes(c.uri(`${'a'.repeat(60)}.md`)).includes('missing-step'), 'the included file is checked');
    } finally {
      await c.stop();
    }
  });

  it('a file the watcher reports in a skipped folder or behind a link out of the root is not read', async () => {
    const outside = workspace({ 'fremd.plan.md': PLAN_MD });
    const dir = workspace({ 'strategie.md': STRATEGY });
    const c = await TestClient.start(dir);
    try {
      await c.until(() => c.codes(c.uri('strategie.md')).length > 0, 'the strategy');
      await c.disk('node_modules/pkg/x.plan.md', PLAN_MD);
      await c.disk('dist/y.plan.md', PLAN_MD);
      if (POSIX) {
        fs.symlinkSync(outside, path.join(dir, 'aussen'));
        await c.disk('aussen/fremd.plan.md', PLAN_MD);
      }
      await c.disk('plaene/neu.plan.md', PLAN_MD);
      await c.until(() => c.codes(c.uri('plaene/neu.plan.md')).length > 0, 'the new plan');
      await c.request('workspace/symbol', { query: '' });
      for (const f of ['node_modules/pkg/x.plan.md', 'dist/y.plan.md', 'aussen/fremd.plan.md']) assert.deepEqual(c.codes(c.uri(f)), [], f);
    } finally {
      await c.stop();
      rmrf(outside);
    }
  });

  it('an open document over the size limit gets one finding', async () => {
    const dir = workspace({ '.stratdoc.yaml': 'maxFileSize: 2KB\n', 'q1.plan.md': PLAN_MD });
    const c = await TestClient.start(dir);
    try {
      await c.until(() => c.codes(c.uri('q1.plan.md')).length > 0, 'the plan');
      await c.open('q1.plan.md', PLAN_MD + `\n<!-- ${'ä'.repeat(1500)} -->\n`);
      await c.until(() => c.codes(c.uri('q1.plan.md')).join() === 'file', 'one file finding');
      assert.match(String(c.diagnostics.get(c.uri('q1.plan.md'))![0].message), /größer als 2 KB/);
    } finally {
      await c.stop();
    }
  });
});

describe('robustness: the CLI and the server read the same files', function () {
  this.timeout(120_000);

  it('on a tree with links, skipped folders, odd encodings and a hostile configuration', async () => {
    const outside = workspace({ 'fremd.plan.md': PLAN_MD, 'fremd.strategy.md': '# Fremd\n' });
    const enc = (s: string, how: 'cr' | 'u16le' | 'u16be' | 'latin1') =>
      how === 'cr'
        ? Buffer.from(s.replace(/\n/g, '\r'))
        : how === 'latin1'
          ? Buffer.from(s, 'latin1')
          : how === 'u16le'
            ? Buffer.from('\ufeff' + s, 'utf16le')
            : Buffer.from('\ufeff' + s, 'utf16le').swap16();
    const dir = workspace({
      '.stratdoc.yaml': `maxFileSize: 3KB\ninclude: ["notizen/**/*a*a*a*a*a*a*a*a*a*a.md"]\nrules:\n  push-ratoi: off\n  channel-gap: { maxGapDays: -5 }\nx: &x [1]\ny: *x\n`,
      'strategie.md': STRATEGY,
      'plaene/q1.plan.md': PLAN_MD,
      'plaene/q2.plan.yaml': PLAN_YAML,
      'plaene/cr.plan.md': enc(PLAN_MD, 'cr'),
      'plaene/le.plan.md': enc(PLAN_MD, 'u16le'),
      'plaene/be.plan.yaml': enc(PLAN_YAML, 'u16be'),
      'plaene/latin1.plan.md': enc(PLAN_MD, 'latin1'),
      'plaene/gross.plan.md': PLAN_MD + `<!-- ${'ä'.repeat(1200)} -->\n`,
      [`notizen/${'a'.repeat(40)}.md`]: '# Notizen\n',
      'notizen/README.md': '# Readme\n\nNothing here.\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  stratdoc: plan\n',
      'node_modules/pkg/x.plan.md': PLAN_MD,
      'dist/y.plan.md': PLAN_MD,
      'out/z.plan.md': PLAN_MD,
      '.archiv/alt.plan.md': PLAN_MD,
    });
    try {
      if (POSIX) {
        fs.symlinkSync(outside, path.join(dir, 'aussen'));
        fs.symlinkSync(path.join(outside, 'fremd.plan.md'), path.join(dir, 'plaene', 'fremd.plan.md'));
        fs.symlinkSync('plaene', path.join(dir, 'intern'));
        fs.symlinkSync('/', path.join(dir, 'wurzel'));
        assert.equal(spawnSync('mkfifo', [path.join(dir, 'plaene', 'fifo.plan.md')]).status, 0);
      }
      const r = check(dir);
      const fromCli = new Map<string, string[]>();
      for (const d of r.list) fromCli.set(d.file, [...(fromCli.get(d.file) ?? []), d.rule].sort());
      assert.ok(
        fromCli.has('plaene/latin1.plan.md') && fromCli.has('plaene/gross.plan.md') && fromCli.has(`notizen/${'a'.repeat(40)}.md`),
        [...fromCli.keys()].join(', '),
      );
      if (POSIX) assert.ok(fromCli.has('plaene/fifo.plan.md') && fromCli.has('plaene/fremd.plan.md'));
      assert.ok(!fromCli.has('notizen/README.md') && !fromCli.has('.github/workflows/ci.yml'), 'ordinary files stay silent');

      const c = await TestClient.start(dir);
      try {
        const rel = (uri: string) => path.relative(dir, new URL(uri).pathname);
        const fromServer = () => {
          const m = new Map<string, string[]>();
          for (const [uri, ds] of c.diagnostics) if (ds.length && !uri.endsWith('/.stratdoc.yaml')) m.set(rel(uri), ds.map((d) => String(d.code)).sort());
          return m;
        };
        await c.until(() => [...fromCli.keys()].every((f) => fromServer().has(f)), 'the server has every file the CLI reports');
        await c.request('workspace/symbol', { query: '' }); // a round trip: anything pending is published
        assert.deepEqual(new Map([...fromServer()].sort()), new Map([...fromCli].sort()));
        assert.ok(c.codes(c.uri('.stratdoc.yaml')).includes('config'), 'the configuration problems are on the file');
      } finally {
        await c.stop();
      }
    } finally {
      rmrf(dir);
      rmrf(outside);
    }
  });
});
