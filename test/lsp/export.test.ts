/**
 * The preview's export over the protocol (`stratdoc/export`): the server makes the .ics or
 * .csv text of a document's project, with the editor's unsaved text; the webview fragment
 * has the two buttons that ask for it, the HTML report (a file without script) has none.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient, copyFixture } from './harness';
import { EXPORT_REQUEST, type ExportResult } from '../../server/src/service/export';
import { PREVIEW_REQUEST } from '../../server/src/service/preview';
import { run } from '../cli/harness';

const Q1 = 'plaene/q1.plan.yaml';

describe('server: stratdoc/export for the preview buttons', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('lsp/basic'));
    await c.until(() => c.diagnostics.has(c.uri('strategie.md')), 'the workspace was checked');
  });
  afterEach(async () => c?.stop());

  it('answers with the calendar and the table of the project, following unsaved edits', async () => {
    const ics = await c.request<ExportResult>(EXPORT_REQUEST, { uri: c.uri('strategie.md'), format: 'ics' });
    assert.equal(ics.fileName, 'strategie.ics');
    const n = (ics.text.match(/BEGIN:VEVENT/g) ?? []).length;
    assert.equal(n, ics.entries);
    assert.ok(n >= 4, `${n} events from both plans`);
    const csv = await c.request<ExportResult>(EXPORT_REQUEST, { uri: c.uri(Q1), format: 'csv' });
    assert.equal(csv.text.split('\r\n').filter(Boolean).length, csv.entries + 1);
    // The same table as the CLI's (the documents name no language: the server follows the
    // editor's, German here; the CLI its environment's, so it is told).
    const cli = run(['export', '--csv', '--lang', 'de', '.'], { cwd: c.root });
    assert.equal(csv.text, cli.stdout);

    await c.open(Q1);
    await c.change(Q1, c.text(Q1).replace('title: Ein Tag mit unserer E-Mobilitäts-Beraterin', 'title: Ungespeicherter Titel'));
    const after = await c.request<ExportResult>(EXPORT_REQUEST, { uri: c.uri(Q1), format: 'csv' });
    assert.match(after.text, /Ungespeicherter Titel/);
    assert.doesNotMatch(fs.readFileSync(path.join(c.root, Q1), 'utf8'), /Ungespeicherter/, 'nothing written');
  });

  it('a bogus format or a document without a plan: null', async () => {
    assert.equal(await c.request(EXPORT_REQUEST, { uri: c.uri(Q1), format: 'xlsx' }), null);
    assert.equal(await c.request(EXPORT_REQUEST, { uri: c.uri('nothing.md'), format: 'ics' }), null);
  });

  it('the webview fragment has the two export buttons; the report file has none', async () => {
    const p = await c.request<{ html: string }>(PREVIEW_REQUEST, { uri: c.uri('strategie.md') });
    assert.match(p.html, /<button type="button" class="sd-link" data-action="export" data-format="ics">/);
    assert.match(p.html, /<button type="button" class="sd-link" data-action="export" data-format="csv">/);
    const r = run(['report', '--today', '2027-02-15', '--out', 'r.html', '.'], { cwd: c.root });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(fs.readFileSync(path.join(c.root, 'r.html'), 'utf8'), /data-action="export"/);
  });
});
