/** `stratdoc` end to end: exit codes, options, languages, configuration, odd files. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO, TODAY, hashTree, run, tmpCopy } from './harness';

const PROJECT = path.join(FIXTURES, 'project');
const CLEAN = path.join(FIXTURES, 'clean');
const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;

interface JsonDiag {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

function json(args: string[], cwd = PROJECT, env?: Record<string, string>): { code: number | null; list: JsonDiag[]; stderr: string } {
  const r = run(['check', '--today', TODAY, '--format', 'json', ...args], { cwd, env });
  let list: JsonDiag[];
  try {
    list = JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`stdout is no JSON (${String(e)}); exit code ${r.code}; stderr:\n${r.stderr}\nstdout:\n${r.stdout}`);
  }
  return { code: r.code, list, stderr: r.stderr };
}

describe('cli: commands and help', () => {
  it('--version prints the version of package.json', () => {
    const r = run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${VERSION}\n`);
  });

  it('--help and check --help, in both languages', () => {
    const a = run(['--help']);
    assert.equal(a.code, 0);
    assert.match(a.stdout, /Usage:\n  stratdoc check/);
    const b = run(['check', '--help']);
    assert.equal(b.code, 0);
    assert.match(b.stdout, /--max-warnings N/);
    assert.match(b.stdout, /Exit codes/);
    const c = run(['check', '--help', '--lang', 'de']);
    assert.match(c.stdout, /Aufruf: stratdoc check/);
    const d = run(['--help'], { env: { LANG: 'de_DE.UTF-8' } });
    assert.match(d.stdout, /Aufruf:/);
    assert.equal(run(['help', 'check']).stdout, b.stdout);
  });

  it('an unknown command exits 2 with a hint', () => {
    const r = run(['report2']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'report2'/);
    assert.match(r.stderr, /stratdoc --help/);
    assert.equal(r.stdout, '');
  });

  it('no command exits 2 and shows the help', () => {
    const r = run([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no command given/);
    assert.match(r.stderr, /Usage:/);
  });
});

describe('cli: exit codes', () => {
  it('0 when clean', () => {
    const r = run(['check', '--today', TODAY], { cwd: CLEAN });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^✔ No problems \(2 documents checked\)\.\n$/);
  });

  it('1 on an error finding', () => {
    assert.equal(run(['check', '--today', TODAY], { cwd: PROJECT }).code, 1);
  });

  it('0 with warnings only; 1 with more warnings than --max-warnings', () => {
    // entwuerfe/ has its own .stratdoc.yaml: schema problems are warnings there, syntax ones infos.
    const a = json(['entwuerfe']);
    assert.equal(a.code, 0);
    assert.ok(a.list.length > 0 && !a.list.some((d) => d.severity === 'error'));
    const warnings = a.list.filter((d) => d.severity === 'warning').length;
    assert.equal(warnings, 2);
    const b = run(['check', 'entwuerfe', '--today', TODAY, '--max-warnings', '0'], { cwd: PROJECT });
    assert.equal(b.code, 1);
    assert.match(b.stderr, /too many warnings \(2; maximum: 0\)/);
    assert.equal(run(['check', 'entwuerfe', '--today', TODAY, '--max-warnings', '1'], { cwd: PROJECT }).code, 1);
    assert.equal(run(['check', 'entwuerfe', '--today', TODAY, '--max-warnings', '2'], { cwd: PROJECT }).code, 0);
    assert.equal(run(['check', 'entwuerfe', '--today', TODAY, '--max-warnings=5'], { cwd: PROJECT }).code, 0);
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown option', ['--frobnicate'], /unknown option '--frobnicate'/],
    ['an unknown short option', ['-x'], /unknown option '-x'/],
    ['a bad --format', ['--format', 'xml'], /unknown format 'xml'/],
    ['a missing option value', ['--format'], /option '--format' needs a value/],
    ['a value for a flag', ['--quiet=yes'], /option '--quiet' takes no value/],
    ['a bad --lang', ['--lang', 'fr'], /unknown language 'fr'/],
    ['a bad --today', ['--today', 'morgen'], /'--today morgen' is not a date/],
    ['an impossible --today', ['--today', '2027-02-30'], /is not a date/],
    ['a negative --max-warnings', ['--max-warnings', '-1'], /'--max-warnings -1' is not a whole number/],
    ['a fractional --max-warnings', ['--max-warnings', '1.5'], /not a whole number/],
    ['a word as --max-warnings', ['--max-warnings', 'ten'], /not a whole number/],
    ['a missing path', ['no/such/folder'], /path not found: no\/such\/folder/],
    ['a missing --config file', ['--config', 'no-such.yaml'], /cannot read the configuration file no-such\.yaml \(not found\)/],
    ['a folder as --config', ['--config', '.'], /cannot read the configuration file \. \(it is a folder\)/],
  ];
  for (const [what, args, message] of bad) {
    it(`2 for ${what}`, () => {
      const r = run(['check', ...args], { cwd: CLEAN });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /stratdoc check --help/);
      assert.equal(r.stdout, '');
    });
  }

  it('2 for a missing path among good ones; the message names it', () => {
    const r = run(['check', 'plaene', 'nirgends.plan.yaml'], { cwd: CLEAN });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nirgends\.plan\.yaml/);
  });

  it('usage errors are German with --lang de or a German environment', () => {
    assert.match(run(['check', '--format', 'xml', '--lang', 'de'], { cwd: CLEAN }).stderr, /unbekanntes Format 'xml'/);
    assert.match(run(['check', 'nirgends'], { cwd: CLEAN, env: { LANG: 'de_DE.UTF-8' } }).stderr, /Pfad nicht gefunden: nirgends/);
    assert.match(run(['gibtsnicht'], { env: { LC_ALL: 'de_AT.UTF-8' } }).stderr, /unbekannter Befehl/);
  });
});

describe('cli: options', function () {
  // Some runs read the whole repository as context (~600 files); on a shared machine that outlasts 30 s.
  this.timeout(120_000);
  it('--quiet reports errors only', () => {
    const all = json([]);
    const quiet = json(['--quiet']);
    assert.equal(quiet.code, 1);
    assert.deepEqual(
      quiet.list,
      all.list.filter((d) => d.severity === 'error'),
    );
    assert.ok(quiet.list.length > 0 && quiet.list.length < all.list.length);
    const q = run(['check', 'entwuerfe', '-q', '--today', TODAY], { cwd: PROJECT });
    assert.equal(q.code, 0);
    assert.equal(q.stdout, '✔ No errors (3 documents checked).\n');
    // Warnings that --quiet hides do not count for --max-warnings either.
    assert.equal(run(['check', 'entwuerfe', '-q', '--max-warnings', '0', '--today', TODAY], { cwd: PROJECT }).code, 0);
  });

  it('--lang de, --lang en, LANG=de_DE.UTF-8, LC_ALL over LANG', () => {
    const de = run(['check', '--today', TODAY, '--lang', 'de'], { cwd: PROJECT }).stdout;
    const en = run(['check', '--today', TODAY, '--lang', 'en'], { cwd: PROJECT }).stdout;
    const env = run(['check', '--today', TODAY], { cwd: PROJECT, env: { LANG: 'de_DE.UTF-8' } }).stdout;
    const none = run(['check', '--today', TODAY], { cwd: PROJECT }).stdout;
    assert.match(de, /✖ 11 Probleme \(5 Fehler, 4 Warnungen, 1 Hinweis, 1 Tipp\)/);
    assert.match(de, /Fehler {2}'@anna' beginnt mit @/);
    assert.match(en, /✖ 11 problems \(5 errors, 4 warnings, 1 info, 1 hint\)/);
    assert.equal(env, de);
    // Without --lang and LANG, each finding speaks its document's language (the strategy
    // says language: de); only the CLI's own summary follows the environment (issue 12).
    assert.match(none, /error {2}'@anna' beginnt mit @/);
    assert.match(none, /✖ 11 problems \(5 errors, 4 warnings, 1 info, 1 hint\)/);
    assert.equal(run(['check', '--today', TODAY], { cwd: PROJECT, env: { LANG: 'C' } }).stdout, none);
    assert.equal(run(['check', '--today', TODAY], { cwd: PROJECT, env: { LANG: 'en_US.UTF-8' } }).stdout, none);
    assert.equal(run(['check', '--today', TODAY, '--lang', 'en'], { cwd: PROJECT, env: { LANG: 'de_DE.UTF-8' } }).stdout, en);
    assert.equal(run(['check', '--today', TODAY], { cwd: PROJECT, env: { LANG: 'de_DE.UTF-8', LC_ALL: 'en_US.UTF-8' } }).stdout, none);
    assert.equal(run(['check', '--today', TODAY], { cwd: PROJECT, env: { LC_MESSAGES: 'de_CH' } }).stdout, de);
    // --lang before the command works as well.
    assert.equal(run(['--lang', 'de', 'check', '--today', TODAY], { cwd: PROJECT }).stdout, de);
  });

  it('--config FILE replaces .stratdoc.yaml; its language is used unless --lang says otherwise', () => {
    const cfg = path.join('..', 'configs', 'de-warnings.yaml');
    const a = run(['check', '--today', TODAY, '--config', cfg], { cwd: PROJECT });
    assert.equal(a.code, 0, a.stdout + a.stderr); // syntax and schema are warnings in that file
    // Its maxFileSize is the default (5 MB), so plaene/archiv-2026.plan.yaml is read this time.
    assert.match(a.stdout, /✖ 10 Probleme \(0 Fehler, 10 Warnungen\)/);
    assert.ok(!a.stdout.includes('archiv-2026'));
    const b = run(['check', '--today', TODAY, '-c', cfg, '--lang', 'en', '--max-warnings', '9'], { cwd: PROJECT });
    assert.equal(b.code, 1);
    assert.match(b.stdout, /10 problems \(0 errors, 10 warnings\)/);
    assert.equal(run(['check', '--today', TODAY, '-c', cfg, '--max-warnings', '10'], { cwd: PROJECT }).code, 0);
    // The explicit file applies also where a folder has its own .stratdoc.yaml (entwuerfe/).
    const c = json(['--config', cfg]);
    assert.ok(c.list.every((d) => d.severity === 'warning'));
  });

  it('a configuration file with problems: warnings on stderr with position, check goes on with defaults', () => {
    const r = run(['check', '--today', TODAY, '--format', 'json'], { cwd: path.join(FIXTURES, 'broken-config') });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^\.stratdoc\.yaml:\d+:\d+: warning: \.stratdoc\.yaml is not valid YAML/m);
    const list = JSON.parse(r.stdout) as JsonDiag[];
    assert.ok(list.some((d) => d.rule === 'syntax' && d.file === 'q1.plan.yaml' && d.line === 6));
    // Reported once, and in German with --lang de.
    assert.equal(r.stderr.split('\n').filter((l) => l.includes('not valid YAML')).length, 1);
    const de = run(['check', '--today', TODAY, '--lang', 'de'], { cwd: path.join(FIXTURES, 'broken-config') });
    assert.match(de.stderr, /\.stratdoc\.yaml:\d+:\d+: Warnung: \.stratdoc\.yaml ist kein gültiges YAML/);
  });

  it('--today defaults to today', () => {
    const r = run(['check'], { cwd: CLEAN });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(r.stderr, '');
  });

  it('a single file as path', () => {
    const r = json(['plaene/q1.plan.yaml']);
    assert.ok(r.list.length > 0);
    assert.ok(r.list.every((d) => d.file === 'plaene/q1.plan.yaml'));
  });

  it('several paths, overlapping, each file reported once', () => {
    const a = json(['plaene', 'plaene/q1.plan.yaml', 'strategie.md']);
    const all = json([]);
    assert.deepEqual(
      a.list,
      all.list.filter((d) => d.file.startsWith('plaene/') || d.file === 'strategie.md'),
    );
  });

  it('files are relative to the current folder', () => {
    const r = json(['project/plaene'], FIXTURES);
    assert.ok(r.list.length > 0 && r.list.every((d) => d.file.startsWith('project/plaene/')));
    const up = json(['../strategie.md'], path.join(PROJECT, 'plaene'));
    assert.ok(up.list.length > 0 && up.list.every((d) => d.file === '../strategie.md'));
  });

  it('colour only on request (FORCE_COLOR) and never with NO_COLOR', () => {
    const plain = run(['check', '--today', TODAY], { cwd: PROJECT }).stdout;
    assert.ok(!plain.includes('\x1b['));
    const coloured = run(['check', '--today', TODAY], { cwd: PROJECT, env: { FORCE_COLOR: '1' } }).stdout;
    assert.ok(coloured.includes('\x1b[31m'));
    assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), plain);
    assert.ok(!run(['check', '--today', TODAY], { cwd: PROJECT, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\x1b['));
    // Machine formats never have colour.
    assert.ok(!run(['check', '--today', TODAY, '-f', 'json'], { cwd: PROJECT, env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
  });
});

describe('cli: which files', function () {
  // Some runs read the whole repository as context (~600 files); on a shared machine that outlasts 30 s.
  this.timeout(120_000);
  it('a plan checked on its own finds its strategy outside the given path', () => {
    // context/ runs every rule at its default: a run on plaene/ must report for plaene/
    // exactly what a run on the whole folder reports there (the strategy is read as context).
    const dir = path.join(FIXTURES, 'context');
    const whole = json([], dir);
    const part = json(['plaene'], dir);
    assert.deepEqual(
      part.list,
      whole.list.filter((d) => d.file.startsWith('plaene/')),
    );
    assert.ok(!part.list.some((d) => d.rule === 'missing-strategy'), 'the plans found their strategy');
    const one = json(['plaene/q1.plan.yaml'], dir);
    assert.deepEqual(
      one.list,
      whole.list.filter((d) => d.file === 'plaene/q1.plan.yaml'),
    );
    // From inside the folder as well.
    const inside = json(['.'], path.join(dir, 'plaene'));
    assert.deepEqual(
      inside.list.map((d) => ({ ...d, file: 'plaene/' + d.file })),
      part.list,
    );
  });

  it('a non-UTF-8 document and an oversized one are reported once each; ordinary files never', () => {
    const r = json([]);
    const files = r.list.filter((d) => d.rule === 'file');
    assert.deepEqual(
      files.map((d) => [d.file, d.severity, d.line, d.column]),
      [
        ['plaene/alt-latin1.plan.md', 'warning', 1, 1],
        ['plaene/archiv-2026.plan.yaml', 'warning', 1, 1],
      ],
    );
    assert.match(files[0].message, /not UTF-8/);
    assert.match(files[1].message, /larger than 2 KB/);
    // Nothing else about those files, and nothing about README.md, the Latin-1 LIESMICH.md,
    // .github/ or the dot-folder .archiv/.
    const names = new Set(r.list.map((d) => d.file));
    for (const f of ['README.md', 'plaene/LIESMICH.md', '.github/workflows/ci.yml', '.archiv/alt.plan.yaml']) assert.ok(!names.has(f), f);
    assert.equal(r.list.filter((d) => d.file === 'plaene/alt-latin1.plan.md').length, 1);
  });

  it('a folder of ordinary Markdown and YAML (README, CI workflow, node_modules) yields nothing and exit 0', () => {
    const dir = tmpCopy('plain');
    try {
      // Things git cannot hold in the fixture: node_modules and a .git folder.
      fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'broken.plan.yaml'), 'stratdoc: plan\nentries:\n  - owner: @x\n');
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, '.git', 'x.plan.yaml'), 'stratdoc: plan\nentries:\n  - owner: @x\n');
      const a = run(['check', '--today', TODAY], { cwd: dir });
      assert.equal(a.code, 0, a.stdout + a.stderr);
      assert.equal(a.stderr, '');
      assert.equal(a.stdout, 'No stratdoc documents found.\n');
      for (const f of ['json', 'github', 'sarif']) {
        const r = run(['check', '--today', TODAY, '--format', f], { cwd: dir });
        assert.equal(r.code, 0);
        if (f === 'json') assert.equal(r.stdout, '[]\n');
        if (f === 'github') assert.equal(r.stdout, '');
        if (f === 'sarif') assert.deepEqual(JSON.parse(r.stdout).runs[0].results, []);
      }
      // An explicitly named node_modules folder is checked, though.
      const nm = json(['node_modules'], dir);
      assert.equal(nm.code, 1);
      assert.ok(nm.list.some((d) => d.file === 'node_modules/pkg/broken.plan.yaml' && d.rule === 'syntax'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a non-UTF-8 plan in a folder without configuration (default maxFileSize) and a binary file', () => {
    const dir = tmpCopy('plain');
    try {
      fs.writeFileSync(path.join(dir, 'q1.plan.yaml'), Buffer.from('stratdoc: plan\n# Gr\xfc\xdfe\nentries: []\n', 'latin1'));
      fs.writeFileSync(path.join(dir, 'bild.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0xff]));
      fs.writeFileSync(path.join(dir, 'kaputt.strategy.md'), Buffer.from([0x23, 0x20, 0x53, 0, 0, 0, 0xff]));
      // UTF-16 with a BOM is text (docs/cli.md): read and checked like its UTF-8 twin.
      fs.writeFileSync(path.join(dir, 'utf16.strategy.md'), Buffer.from('\ufeff# Strategie\n', 'utf16le'));
      const r = json([], dir);
      assert.deepEqual(
        r.list.filter((d) => d.rule === 'file').map((d) => d.file),
        ['kaputt.strategy.md', 'q1.plan.yaml'],
      );
      assert.match(r.list.find((d) => d.file === 'kaputt.strategy.md')!.message, /binary/);
      assert.ok(
        r.list.some((d) => d.file === 'utf16.strategy.md' && d.rule === 'missing-step'),
        'the UTF-16 strategy is checked',
      );
      assert.equal(r.code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns only about configuration files that apply to the given paths', () => {
    const dir = tmpCopy('plain');
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      for (const sub of ['a', 'b']) fs.mkdirSync(path.join(dir, sub));
      fs.writeFileSync(path.join(dir, 'a', '.stratdoc.yaml'), 'rules: [\n');
      fs.writeFileSync(path.join(dir, 'a', 'x.plan.yaml'), 'stratdoc: plan\nentries: []\n');
      fs.writeFileSync(path.join(dir, 'b', 'y.plan.yaml'), 'stratdoc: plan\nentries: []\n');
      // a/ is read as context for b/ (same project root), but its broken configuration is not b's business.
      assert.equal(run(['check', 'b', '--today', TODAY], { cwd: dir }).stderr, '');
      assert.match(run(['check', 'a', '--today', TODAY], { cwd: dir }).stderr, /^a\/\.stratdoc\.yaml:\d+:\d+: warning: /);
      assert.match(run(['check', '--today', TODAY], { cwd: dir }).stderr, /^a\/\.stratdoc\.yaml:\d+:\d+: warning: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes a file', () => {
    const before = hashTree(FIXTURES);
    for (const f of ['stylish', 'json', 'sarif', 'github']) run(['check', '--today', TODAY, '--format', f], { cwd: PROJECT });
    run(['check', '--today', TODAY, '--config', '../configs/de-warnings.yaml'], { cwd: PROJECT });
    run(['check', '--today', TODAY], { cwd: path.join(FIXTURES, 'broken-config') });
    run(['check'], { cwd: FIXTURES });
    assert.equal(hashTree(FIXTURES), before);
  });
});
