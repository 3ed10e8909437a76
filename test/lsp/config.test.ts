/** Configuration over the protocol: .stratdoc.yaml, editor settings, a broken file. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TestClient, copyFixture } from './harness';

describe('server: configuration', function () {
  this.timeout(30000);
  let c: TestClient;
  afterEach(async () => c?.stop());

  it('a broken .stratdoc.yaml: one clear message at its place, defaults for the rest', async () => {
    const root = copyFixture('lsp/basic');
    fs.writeFileSync(`${root}/.stratdoc.yaml`, 'language: de\nrules:\n  push-ratio: { max: 0.2\n');
    c = await TestClient.start(root, { locale: 'en' });
    const cfg = c.uri('.stratdoc.yaml');
    await c.until(() => (c.diagnostics.get(cfg)?.length ?? 0) > 0, 'a diagnostic on the configuration file');
    const d = c.diagnostics.get(cfg)!;
    assert.equal(d.length, 1, d.map((x) => x.message).join(' | '));
    assert.ok([2, 3].includes(d[0].range.start.line), 'at the unclosed brace or where YAML noticed it');
    assert.match(String(d[0].message), /\.stratdoc\.yaml.*(YAML|defaults)/);
    // The documents are still checked, with the defaults.
    await c.until(() => c.codes(c.uri('plaene/q1.plan.yaml')).includes('unknown-reference'), 'checking goes on');
  });

  it('switches rules off and re-ranks them from the file, and follows its changes', async () => {
    const root = copyFixture('lsp/basic');
    fs.writeFileSync(`${root}/.stratdoc.yaml`, 'rules:\n  unknown-reference: warning\n');
    c = await TestClient.start(root);
    const q1 = c.uri('plaene/q1.plan.yaml');
    await c.until(() => c.codes(q1).includes('unknown-reference'), 'unknown-reference');
    assert.equal(c.diagnostics.get(q1)!.find((d) => d.code === 'unknown-reference')!.severity, 2, 're-ranked to a warning');
    await c.disk('.stratdoc.yaml', 'rules:\n  unknown-reference: off\n');
    await c.until(() => !c.codes(q1).includes('unknown-reference'), 'switched off after the file changed');
  });

  it('editor settings (stratdoc.*) win over the file', async () => {
    const root = copyFixture('lsp/basic');
    fs.writeFileSync(`${root}/.stratdoc.yaml`, 'language: de\n');
    c = await TestClient.start(root, { configuration: { language: 'en', rules: { 'unknown-reference': 'off' }, trace: { server: 'off' } } });
    const q1 = c.uri('plaene/q1.plan.yaml');
    await c.until(() => (c.diagnostics.get(q1)?.length ?? 0) > 0 || c.diagnostics.has(c.uri('strategie.md')), 'diagnostics');
    await c.until(() => c.diagnostics.has(q1), 'the plan was checked');
    assert.ok(!c.codes(q1).includes('unknown-reference'), 'switched off by the setting');
    const any = [...c.diagnostics.values()].flat()[0];
    if (any) assert.doesNotMatch(String(any.message), /\b(nicht|ist|Sie)\b/, 'English, as the setting says');
  });
});
