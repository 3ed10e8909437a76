/**
 * action.yml, run as a script: each `run` step of the composite action in bash, the way
 * the runner runs it (`bash --noprofile --norc -eo pipefail`), with its `env`, the
 * `${{ … }}` expressions filled in as GitHub would for a pull request, GITHUB_ENV carried
 * from step to step and GITHUB_STEP_SUMMARY a file. The sample repository has two
 * commits: the base and the pull request's. stratdoc is the repository's own install
 * (node_modules/.bin/stratdoc pointing at the built CLI), so nothing is downloaded.
 * `uses` steps (the artifact upload) cannot run here; the test checks what they upload.
 * And .pre-commit-hooks.yaml is what the pre-commit framework expects.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI, REPO, cleanEnv, run } from './harness';
import { GitRepo } from './gitrepo';

interface Step {
  name: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { default?: string; required?: boolean; description: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

/** Runs the action's steps; returns what each `run` step printed and how it ended. */
function runAction(repo: GitRepo, inputs: Record<string, string>, github: { baseSha?: string }, steps = Infinity) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-runner-'));
  const files = { env: path.join(temp, 'env'), summary: path.join(temp, 'summary.md') };
  fs.writeFileSync(files.env, '');
  fs.writeFileSync(files.summary, '');
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) values[k] = inputs[k] ?? v.default ?? '';
  const context: Record<string, string> = {
    'github.action_ref': 'v9.9.9',
    'github.event.pull_request.base.sha': github.baseSha ?? '',
    'runner.temp': temp,
    'github.token': '',
  };
  const expr = (s: string) =>
    s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
      if (e.startsWith('inputs.')) return values[e.slice(7)] ?? '';
      if (e in context) return context[e];
      throw new Error(`expression not known to the test: ${e}`);
    });
  /** `if:` as far as this action uses it: always() && inputs.X == 'v'. */
  const wanted = (cond: string | undefined) => {
    if (!cond) return true;
    const body = cond.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
    return body.split('&&').every((part) => {
      const p = part.trim();
      if (p === 'always()') return true;
      const m = /^inputs\.([\w-]+) == '([^']*)'$/.exec(p);
      if (!m) throw new Error(`condition not known to the test: ${p}`);
      return values[m[1]] === m[2];
    });
  };
  const carried: Record<string, string> = {};
  const results: { name: string; code: number | null; stdout: string; stderr: string }[] = [];
  const uploads: Step[] = [];
  for (const step of action.runs.steps.slice(0, steps)) {
    if (!wanted(step.if)) continue;
    if (step.uses) {
      uploads.push({ ...step, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expr(String(v))])) });
      continue;
    }
    assert.equal(step.shell, 'bash', `${step.name} runs in bash`);
    const env: Record<string, string> = {
      ...(cleanEnv() as Record<string, string>),
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: temp,
      GITHUB_EVENT_NAME: 'pull_request',
      ...carried,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(String(v));
    const script = path.join(temp, 'step.sh');
    fs.writeFileSync(script, expr(step.run ?? ''));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: repo.dir, env, encoding: 'utf8' });
    results.push({ name: step.name, code: r.status, stdout: r.stdout, stderr: r.stderr });
    // GITHUB_ENV: KEY=VALUE lines, read after each step as the runner does.
    for (const line of fs.readFileSync(files.env, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) carried[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return { temp, results, uploads, summary: fs.readFileSync(files.summary, 'utf8'), carried };
}

describe('the GitHub Action (action.yml) as a script', function () {
  this.timeout(120000);
  let repo: GitRepo;
  let base = '';
  const temps: string[] = [];
  before(() => {
    repo = new GitRepo();
    // The repository's own stratdoc, as `npm ci` would install it.
    fs.mkdirSync(repo.path('node_modules/.bin'), { recursive: true });
    fs.writeFileSync(
      repo.path('node_modules/.bin/stratdoc'),
      `#!/bin/sh\ncmd="$1"; shift\nexec "${process.execPath}" "${CLI}" "$cmd" --today 2027-02-15 "$@"\n`,
      { mode: 0o755 },
    );
    fs.writeFileSync(repo.path('.gitignore'), 'node_modules/\n');
    base = repo.commit('ignore node_modules');
    // The pull request: one entry moved a week, one added with an owner who is not in the team.
    repo.git('checkout', '-q', '-b', 'pr');
    repo.edit('plans/2027-q2.yaml', 'date: 2027-04-05', 'date: 2027-04-12');
    repo.edit(
      'plans/2027-q2.yaml',
      /\n  - date: 2027-04-06\n/,
      '\n  - date: 2027-04-20\n    channel: instagram\n    title: Rhubarb season starts today\n    mode: story\n    goal: G1\n    owner: zoe\n    reviewer: ollie\n\n  - date: 2027-04-06\n',
    );
    repo.commit('April: move the reel, add rhubarb');
  });
  after(() => {
    repo.dispose();
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('is a composite action with the documented inputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['changed-since', 'max-warnings', 'paths', 'report', 'version']);
    for (const step of action.runs.steps)
      if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: inputs reach the script through env, never pasted into it`);
  });

  it('in a pull request: annotations and summary of only what is new, what the change does, and the report', () => {
    const r = runAction(repo, { 'max-warnings': '0' }, { baseSha: base });
    temps.push(r.temp);
    const [find, check, report] = r.results;
    assert.equal(find.code, 0, find.stderr);
    assert.equal(r.carried.STRATDOC, repo.path('node_modules/.bin/stratdoc'), "the repository's own stratdoc");
    assert.equal(r.carried.STRATDOC_REF, base);

    assert.equal(check.code, 1, 'one new warning is more than max-warnings 0');
    const annotations = check.stdout.trim().split('\n');
    assert.equal(annotations.length, 1, check.stdout);
    assert.match(annotations[0], /^::warning file=plans\/2027-q2\.yaml,line=\d+,.*title=stratdoc\(unknown-person\)::'zoe'/);
    assert.match(check.stderr, /too many warnings \(1; maximum: 0\)/);

    assert.match(
      r.summary,
      /^### stratdoc\n\n\*\*✖ 1 new problem \(0 errors, 1 warning\) · 0 fixed, 26 unchanged \(not listed\) · compared with `[0-9a-f]{40}`\*\*/,
    );
    assert.match(r.summary, /\| ⚠️ warning \| \[plans\/2027-q2\.yaml:\d+\]\(plans\/2027-q2\.yaml#L\d+\) \| `unknown-person` \|/);
    assert.match(r.summary, /#### What this change does/);
    assert.match(r.summary, /Entries: 1 added, 0 removed, 1 moved\./);
    assert.match(r.summary, /\| moved \| \[Wild garlic and cheddar loaf, from field to oven .*\| 2027-04-05 · instagram \| 2027-04-12 · instagram \|/);
    assert.match(r.summary, /\| added \| \[Rhubarb season starts today .*\| – \| 2027-04-20 · instagram \|/);
    assert.match(r.summary, /\| `instagram` \| (\d+) → (\d+) \|/);
    assert.match(r.summary, /\| G1 – .* \| (\d+) → (\d+) \|/);

    assert.equal(report.code, 0, report.stderr);
    const html = fs.readFileSync(path.join(r.temp, 'stratdoc-report', 'stratdoc-report.html'), 'utf8');
    assert.match(html, /What this change does/);
    assert.match(html, /Entries: 1 added, 0 removed, 1 moved\./);
    assert.equal(r.uploads.length, 1);
    assert.equal(r.uploads[0].uses, 'actions/upload-artifact@v4');
    assert.equal(r.uploads[0].with?.path, path.join(r.temp, 'stratdoc-report', 'stratdoc-report.html'));
  });

  it('on a push (no base): every finding, no change section; paths and no report as asked', () => {
    const r = runAction(repo, { paths: 'plans strategy.yaml', report: 'false' }, {});
    temps.push(r.temp);
    assert.equal(r.results.length, 2, 'no report step');
    assert.equal(r.uploads.length, 0);
    const check = r.results[1];
    assert.equal(check.code, 1, 'the plans have errors');
    assert.equal(check.stdout.trim().split('\n').length, 27);
    assert.match(r.summary, /^### stratdoc\n\n\*\*✖ 27 problems/);
    assert.doesNotMatch(r.summary, /What this change does/);
  });

  it('without a local install it asks npx for the version of its tag (only the first step: no download in a test)', () => {
    const plain = new GitRepo('../ordinary');
    try {
      const r = runAction(plain, { report: 'false' }, {}, 1);
      temps.push(r.temp);
      assert.equal(r.carried.STRATDOC, 'npx --yes stratdoc@9.9.9');
      const pinned = runAction(plain, { report: 'false', version: '0.1.0' }, {}, 1);
      temps.push(pinned.temp);
      assert.equal(pinned.carried.STRATDOC, 'npx --yes stratdoc@0.1.0');
    } finally {
      plain.dispose();
    }
  });
});

describe('.pre-commit-hooks.yaml', function () {
  // Some runs read the whole repository as context (~600 files); on a shared machine that outlasts 30 s.
  this.timeout(120_000);
  it('defines the stratdoc hook for Markdown and YAML files, and its entry checks staged files', () => {
    const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    assert.equal(hooks.length, 1);
    const h = hooks[0];
    assert.equal(h.id, 'stratdoc');
    assert.equal(h.language, 'node');
    assert.equal(h.entry, 'stratdoc check');
    const files = new RegExp(h.files);
    for (const f of ['plaene/q1.plan.md', 'strategie.yaml', 'a.yml', 'b.markdown']) assert.ok(files.test(f), f);
    for (const f of ['package.json', 'logo.png']) assert.ok(!files.test(f), f);
    // What pre-commit runs: the entry with the staged file names.
    const r = run([...h.entry.split(' ').slice(1), 'examples/bakery-en/plans/2027-q2.yaml', 'README.md', '--today', '2027-02-15'], { cwd: REPO });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /examples\/bakery-en\/plans\/2027-q2\.yaml/);
    assert.doesNotMatch(r.stdout, /^README\.md/m);
  });
});
