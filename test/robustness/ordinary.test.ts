/**
 * A tree of ordinary Markdown and YAML files (README, CHANGELOG, CI workflow, compose
 * file, notes with a "Datum | Kanal" table, a YAML with `goals:`, mkdocs.yml, a Jekyll
 * post): no file is a stratdoc document, so no diagnostic, no skipped-file message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, listFiles } from '../helpers/fsworkspace';
import { parseDocument, detect } from '../../server/src/core/parse';
import { toUri } from '../../server/src/core/uri';
import { TODAY, repoRoot } from './harness';

const DIR = path.join(repoRoot(), 'test/fixtures/ordinary');

describe('robustness: ordinary Markdown and YAML files', () => {
  const files = listFiles(DIR).filter((f) => /\.(md|markdown|ya?ml)$/i.test(f));

  it('has the ordinary tree', () => {
    const rel = files.map((f) => path.relative(DIR, f).split(path.sep).join('/'));
    for (const want of [
      'README.md',
      'CHANGELOG.md',
      '.github/workflows/ci.yml',
      'docker-compose.yml',
      'mkdocs.yml',
      'config/goals.yaml',
      'notes/redaktionssitzung.md',
      '_posts/2027-01-12-winterreifen.md',
    ]) {
      assert.ok(rel.includes(want), `missing ${want}`);
    }
  });

  it('no file is detected as a document', () => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const uri = toUri(f);
      assert.equal(detect(uri, text), undefined, `${path.relative(DIR, f)} detected`);
      assert.equal(parseDocument(uri, text), undefined, `${path.relative(DIR, f)} parsed`);
    }
  });

  it('the workspace of the tree holds no document, skips nothing and reports nothing', () => {
    const ws = loadWorkspace(DIR);
    assert.equal(ws.size, 0, [...ws.documents()].map((d) => d.uri).join(', '));
    assert.deepEqual(ws.skippedFiles(), []);
    const findings = [...ws.check(TODAY).values()].flat();
    assert.deepEqual(findings, []);
    assert.equal(ws.projects().length, 0);
  });

  it('every prefix of every ordinary file stays no document', () => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const uri = toUri(f);
      for (let i = 0; i <= text.length; i++) {
        assert.equal(parseDocument(uri, text.slice(0, i)), undefined, `${path.relative(DIR, f)} prefix ${i} detected: ${JSON.stringify(text.slice(0, i))}`);
      }
    }
  });

  it('ordinary files next to a real strategy stay silent', () => {
    const ws = loadWorkspace(DIR);
    const strategy = toUri(path.join(DIR, 'strategie.strategy.md'));
    ws.set(strategy, '# Strategie\n\n## Ziele\n### G1: Ziel\n');
    const byUri = ws.check(TODAY);
    assert.deepEqual([...byUri.keys()], [strategy]);
    for (const f of files) assert.equal(ws.get(toUri(f)), undefined);
  });
});
