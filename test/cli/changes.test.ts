/**
 * Changes, not the whole plan: `check --changed-since REF` and `--baseline FILE` report
 * only new findings, by fingerprints that survive line shifts (JSON, SARIF); `--format
 * markdown`; `report --base REF` with "What this change does". Real git in a temp folder.
 */
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY, run } from './harness';
import { GitRepo } from './gitrepo';

interface JsonFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
  severity: string;
  fingerprint: string;
  status?: 'new' | 'unchanged';
}

const Q2 = 'plans/2027-q2.yaml';
const Q1 = 'plans/2027-q1.plan.md';
/** An entry with an owner nobody in the team is: one new finding (unknown-person). */
const NEW_ENTRY = `
  - date: 2027-04-20
    channel: instagram
    format: Reel
    title: Rhubarb season starts today
    mode: story
    goal: G1
    owner: zoe
    reviewer: ollie
    status: planned
`;

describe('cli: only what changed', function () {
  this.timeout(60000);
  let repo: GitRepo;
  const check = (...args: string[]) => run(['check', '--today', TODAY, ...args], { cwd: repo.dir });
  const json = (...args: string[]) => {
    const r = check('--format', 'json', ...args);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return JSON.parse(r.stdout) as JsonFinding[];
  };
  beforeEach(() => (repo = new GitRepo()));
  afterEach(() => repo.dispose());

  it('a finding keeps its fingerprint when lines above it are added (YAML and Markdown)', () => {
    const before = json();
    assert.ok(before.length > 20);
    assert.ok(
      before.every((f) => /^[0-9a-f]{32}:\d+$/.test(f.fingerprint)),
      'every finding has a fingerprint',
    );
    assert.equal(new Set(before.map((f) => f.fingerprint)).size, before.length, 'fingerprints are unique');
    repo.edit(Q2, 'entries:\n', 'entries:\n  # April first: Easter is late this year.\n  # (two comment lines shift every entry)\n');
    repo.edit(Q1, 'Workflow:', 'A note added by the team.\n\nAnother paragraph.\n\nWorkflow:');
    const after = json();
    assert.deepEqual(after.map((f) => f.fingerprint).sort(), before.map((f) => f.fingerprint).sort());
    assert.ok(
      after.some((a) => before.some((b) => b.fingerprint === a.fingerprint && b.line !== a.line)),
      'the lines did shift',
    );

    const r = check('--changed-since', 'HEAD');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✔ No new problems \(3 documents checked\)\.\n\n0 fixed, 26 unchanged not shown \(compared with HEAD\)\.\n$/);
    assert.ok(json('--changed-since', 'HEAD').every((f) => f.status === 'unchanged'));
  });

  it('--changed-since reports only the new finding, marks it in JSON and SARIF, and counts what was fixed', () => {
    const base = repo.git('rev-parse', 'HEAD');
    repo.edit(Q2, /\n  - date: 2027-04-06\n/, `${NEW_ENTRY}\n  - date: 2027-04-06\n`);
    repo.edit(Q2, 'goal: G44', 'goal: G4'); // fixes unknown-reference (and unlinked-goal for G4)
    repo.commit('a new entry, a fixed goal');

    const r = check('--changed-since', base);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^plans\/2027-q2\.yaml\n {2}\d+:\d+ +warning +.*'zoe'.* +unknown-person\n\n✖ 1 new problem \(0 errors, 1 warning\)\n\n2 fixed, 24 unchanged not shown \(compared with [0-9a-f]{40}\)\.\n$/,
    );

    const all = json('--changed-since', base);
    assert.equal(all.length, 25, 'JSON lists every current finding so it can serve as the next baseline');
    assert.deepEqual(
      all.filter((f) => f.status === 'new').map((f) => f.rule),
      ['unknown-person'],
    );
    assert.equal(all.filter((f) => f.status === 'unchanged').length, 24);

    const sarif = JSON.parse(check('--changed-since', base, '--format', 'sarif').stdout) as {
      runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; baselineState: string }[] }[];
    };
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((x) => x.partialFingerprints['stratdoc/v1']).sort(), all.map((f) => f.fingerprint).sort());
    assert.deepEqual(
      results.filter((x) => x.baselineState === 'new').map((x) => x.ruleId),
      ['unknown-person'],
    );

    const gh = check('--changed-since', base, '--format', 'github');
    assert.equal(gh.stdout.trim().split('\n').length, 1, gh.stdout);
    assert.match(gh.stdout, /^::warning file=plans\/2027-q2\.yaml,.*title=stratdoc\(unknown-person\)::/);

    // New warnings count for --max-warnings, unchanged ones do not.
    assert.equal(check('--changed-since', base, '--max-warnings', '0').code, 1);
    assert.equal(check('--changed-since', base, '--max-warnings', '1').code, 0);
    assert.equal(check('--max-warnings', '1').code, 1, 'without a baseline every warning counts');
  });

  it('--baseline takes a previous JSON output (also one without fingerprints)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-baseline-'));
    try {
      const baseFile = path.join(dir, 'baseline.json');
      fs.writeFileSync(baseFile, check('--format', 'json').stdout);
      repo.edit(Q2, /\n  - date: 2027-04-06\n/, `${NEW_ENTRY}\n  - date: 2027-04-06\n`);
      const r = check('--baseline', baseFile);
      assert.match(r.stdout, /unknown-person/);
      assert.match(r.stdout, /✖ 1 new problem \(0 errors, 1 warning\)\n\n0 fixed, 26 unchanged not shown \(compared with the baseline\)\./);
      // The fingerprint does not depend on the language: a German run against an English baseline.
      const de = check('--baseline', baseFile, '--lang', 'de');
      assert.match(de.stdout, /✖ 1 neues Problem \(0 Fehler, 1 Warnung\)\n\n0 behoben, 26 unveränderte nicht gezeigt \(verglichen mit der Baseline\)\./);
      // An older output without fingerprints matches by rule, file and message.
      const old = (JSON.parse(fs.readFileSync(baseFile, 'utf8')) as Record<string, unknown>[]).map(({ fingerprint: _, ...rest }) => rest);
      fs.writeFileSync(baseFile, JSON.stringify(old));
      assert.deepEqual(
        json('--baseline', baseFile)
          .filter((f) => f.status === 'new')
          .map((f) => f.rule),
        ['unknown-person'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly what is wrong: no repository, no git, an unknown revision, a bad baseline, both options', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-nogit-'));
    try {
      fs.cpSync(repo.path('plans'), path.join(outside, 'plans'), { recursive: true });
      const r = run(['check', '--changed-since', 'HEAD'], { cwd: outside });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^stratdoc: '.*' is not inside a Git repository; --changed-since and --base compare with a Git revision\.\n/);
      assert.match(run(['report', '--base', 'HEAD', '-o', path.join(outside, 'r.html')], { cwd: outside }).stderr, /not inside a Git repository/);
      assert.ok(!fs.existsSync(path.join(outside, 'r.html')));
      fs.writeFileSync(path.join(outside, 'bad.json'), '{"not": "an array"}');
      const bad = run(['check', '--baseline', 'bad.json'], { cwd: outside });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /the baseline bad\.json is not the JSON of 'stratdoc check --format json'/);
      assert.match(run(['check', '--baseline', 'missing.json'], { cwd: outside }).stderr, /cannot read the baseline missing\.json \(not found\)/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    const unknown = check('--changed-since', 'no-such-branch');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /'no-such-branch' is not a commit of this repository/);
    const opt = check('--changed-since', '--help');
    assert.equal(opt.code, 2, 'a revision that looks like an option is not passed to git as one');
    const nogit = run(['check', '--changed-since', 'HEAD'], { cwd: repo.dir, env: { PATH: path.join(os.tmpdir(), 'no-such-bin') } });
    assert.equal(nogit.code, 2);
    assert.match(nogit.stderr, /git was not found on the PATH/);
    assert.match(check('--changed-since', 'HEAD', '--baseline', 'x.json').stderr, /either --baseline or --changed-since, not both/);
  });

  it('leaves the working tree, the index and HEAD as they were', () => {
    repo.edit(Q2, 'goal: G44', 'goal: G4');
    repo.git('add', Q2);
    repo.edit(Q1, 'Workflow:', 'Unstaged.\n\nWorkflow:');
    const hash = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    const status = repo.git('status', '--porcelain');
    const index = hash(repo.path('.git/index'));
    const head = repo.git('rev-parse', 'HEAD');
    check('--changed-since', 'HEAD');
    run(['report', '--base', 'HEAD', '--today', TODAY, '-o', path.join(os.tmpdir(), `stratdoc-r-${process.pid}.html`)], { cwd: repo.dir });
    fs.rmSync(path.join(os.tmpdir(), `stratdoc-r-${process.pid}.html`), { force: true });
    assert.equal(repo.git('status', '--porcelain'), status);
    assert.equal(hash(repo.path('.git/index')), index);
    assert.equal(repo.git('rev-parse', 'HEAD'), head);
  });

  it('a repository of ordinary Markdown and YAML stays silent with --changed-since and markdown', () => {
    const plain = new GitRepo('../ordinary');
    try {
      fs.appendFileSync(plain.path('README.md'), '\nA new line.\n');
      const r = run(['check', '--changed-since', 'HEAD', '--format', 'markdown'], { cwd: plain.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /No new problems \(0 documents checked\)/);
      assert.doesNotMatch(r.stdout, /\| /, 'no table');
    } finally {
      plain.dispose();
    }
  });
});

describe('cli: a pull request that moves one entry', function () {
  this.timeout(60000);
  let repo: GitRepo;
  let base = '';
  before(() => {
    repo = new GitRepo();
    base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'move-the-reel');
    repo.edit(Q2, 'date: 2027-04-05', 'date: 2027-04-12');
    repo.commit('Move the wild garlic reel a week later');
  });
  after(() => repo.dispose());

  it('the markdown summary says exactly that: one entry moved, nothing else', () => {
    const r = run(['check', '--today', TODAY, '--changed-since', 'main', '--format', 'markdown'], {
      cwd: repo.dir,
      env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'bakery/plans', GITHUB_SHA: 'abc123', GITHUB_WORKSPACE: repo.dir },
    });
    assert.equal(r.code, 0, r.stderr);
    const link = 'https://github.com/bakery/plans/blob/abc123/plans/2027-q2.yaml#L23';
    assert.equal(
      r.stdout,
      [
        '### stratdoc',
        '',
        '**✔ No new problems (3 documents checked). · 0 fixed, 26 unchanged (not listed) · compared with `main`**',
        '',
        '#### What this change does',
        '',
        'Compared with `main`.',
        '',
        'Entries: 0 added, 0 removed, 1 moved.',
        '',
        '| Change | Entry | Before | After |',
        '|---|---|---|---|',
        `| moved | [Wild garlic and cheddar loaf, from field to oven (plans/2027-q2.yaml:23)](${link}) | 2027-04-05 · instagram | 2027-04-12 · instagram |`,
        '',
        'Push share and content mix unchanged on every channel.',
        '',
        'No goal gained or lost entries.',
        '',
        'Findings: 0 new, 0 fixed.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('the report starts with the same change section', () => {
    const out = path.join(repo.dir, 'out', 'report.html');
    const r = run(['report', '--today', TODAY, '--base', base, '--out', out], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    const main = html.slice(html.indexOf('<main'));
    assert.ok(main.indexOf('What this change does') < main.indexOf('sd-project'), 'at the top');
    const section = main.slice(0, main.indexOf('</section>'));
    assert.match(section, /Entries: 0 added, 0 removed, 1 moved\./);
    assert.equal(section.match(/<tr><td>/g)?.length, 1, 'one row: the moved entry');
    assert.match(
      section,
      /<td>moved<\/td><td><a href="\.\.\/plans\/2027-q2\.yaml#L23">Wild garlic and cheddar loaf, from field to oven \(plans\/2027-q2\.yaml:23\)<\/a><\/td><td>2027-04-05 · instagram<\/td><td>2027-04-12 · instagram<\/td>/,
    );
    assert.match(section, /Push share and content mix unchanged on every channel\./);
    assert.match(section, /No goal gained or lost entries\./);
    assert.match(section, /Findings: 0 new, 0 fixed\./);
    assert.doesNotMatch(html, /<script/i);
  });

  it("moving it to another channel changes that channel's mix; a goal that lost its entry says so", () => {
    repo.edit(Q2, /date: 2027-04-12\n {4}channel: instagram/, 'date: 2027-04-12\n    channel: facebook');
    repo.edit(
      Q2,
      /title: Wild garlic and cheddar loaf, from field to oven\n {4}mode: story\n {4}goal: G1/,
      'title: Wild garlic and cheddar loaf, from field to oven\n    mode: story\n    goal: G2',
    );
    const r = run(['check', '--today', TODAY, '--changed-since', 'main', '--format', 'markdown', '--lang', 'de'], { cwd: repo.dir });
    assert.match(r.stdout, /\| verschoben \| \[Wild garlic .*\]\(plans\/2027-q2\.yaml#L23\) \| 2027-04-05 · instagram \| 2027-04-12 · facebook \|/);
    assert.match(
      r.stdout,
      /#### Push-Anteil und Inhaltsmix je Kanal\n\n\| Kanal \| Beiträge \| Push-Anteil \| Mix \|\n\|---\|---\|---\|---\|\n\| `facebook` \| (\d+) → (\d+) \|/,
    );
    assert.match(r.stdout, /\| `instagram` \| \d+ → \d+ \| .* \| .*Geschichte \d+.* → .*\|/);
    assert.match(r.stdout, /\| G1 – .* \| \d+ → \d+ \|/);
    assert.match(r.stdout, /\| G2 – .* \| \d+ → \d+ \|/);
    repo.git('checkout', '-q', '--', Q2);
  });
});

describe('cli: check --format markdown without a baseline', () => {
  it('counts and lists every finding with a link to file and line, at most 100 rows', () => {
    const r = run(['check', '--today', TODAY, '--format', 'markdown', 'examples/bakery-en'], { cwd: REPO });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^### stratdoc\n\n\*\*✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ infos, 1 hint\)\*\*\n\n\| Severity \| File \| Rule \| Message \|\n/,
    );
    assert.match(
      r.stdout,
      /\| ❌ error \| \[examples\/bakery-en\/plans\/2027-q2\.yaml:\d+\]\(examples\/bakery-en\/plans\/2027-q2\.yaml#L\d+\) \| `unknown-reference` \| /,
    );
    assert.doesNotMatch(r.stdout, /What this change does/);
  });
});
