/**
 * The preview against the last commit (`stratdoc/preview` with `base: "HEAD"`), against
 * the real server and real git: the editor's unsaved text compared with HEAD, "What this
 * change does" on top of the fragment; outside a repository a plain note, no error.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { TestClient, copyFixture } from './harness';

const S = 'strategie.md';
const Q1 = 'plaene/q1.plan.yaml';
const Q2 = 'plaene/q2.md';

function git(dir: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  assert.equal(r.status, 0, r.stderr);
}

describe('server: the preview against the last commit', function () {
  this.timeout(30000);
  let c: TestClient;
  afterEach(async () => c?.stop());

  const start = async (repo: boolean) => {
    const dir = copyFixture('lsp/basic');
    if (repo) {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'plans');
    }
    c = await TestClient.start(dir);
    await c.until(() => [S, Q1, Q2].every((f) => c.diagnostics.has(c.uri(f))), 'the workspace was checked');
  };

  it('shows an entry moved in the editor (unsaved) as moved, and nothing else', async () => {
    await start(true);
    const before = await c.request<{ html: string }>('stratdoc/preview', { uri: c.uri(Q1) });
    assert.doesNotMatch(before.html, /sd-change/, 'without base: as before');
    const text = c.text(Q1).replace('date: 2027-01-12', 'date: 2027-01-14');
    await c.open(Q1, text);
    const { html } = await c.request<{ html: string }>('stratdoc/preview', { uri: c.uri(Q1), base: 'HEAD' });
    assert.ok(html.startsWith('<section class="sd-section sd-change" id="sd-change"><h2>Was diese Änderung bewirkt</h2>'), html.slice(0, 200));
    const section = html.slice(0, html.indexOf('</section>'));
    assert.match(section, /Beiträge: 0 hinzugefügt, 0 entfernt, 1 verschoben\./);
    assert.match(
      section,
      /<td>verschoben<\/td><td>Ein Tag mit unserer E-Mobilitäts-Beraterin \(plaene\/q1\.plan\.yaml:\d+\)<\/td><td>2027-01-12 · instagram<\/td><td>2027-01-14 · instagram<\/td>/,
    );
    assert.match(section, /Meldungen: 0 neu, 0 behoben\./);
    assert.doesNotMatch(section, /<a |<script/i, 'no links or scripts in the webview fragment');
  });

  it('outside a Git repository says so in the section', async () => {
    await start(false);
    const { html } = await c.request<{ html: string }>('stratdoc/preview', { uri: c.uri(S), base: 'HEAD' });
    assert.match(
      html,
      /^<section class="sd-section sd-change" id="sd-change"><h2>Was diese Änderung bewirkt<\/h2>\n<p>&#39;.*&#39; liegt in keinem Git-Repository/,
    );
    assert.match(html, /sd-project|sd-head/, 'the preview follows');
  });
});
