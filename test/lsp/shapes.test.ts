/**
 * A plan and a strategy in the shapes teams keep (FORMAT.md "How an existing document is
 * read") over the protocol: a goal named by a word goes to the numbered goal it means,
 * the hover says where an implicit ID comes from, and a cross-post row gets one finding.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Hover, Location } from 'vscode-languageserver-protocol';
import { TestClient, copyFixture } from './harness';

const S = 'strategie.md';
const P = 'redaktionsplan.md';

describe('server: real-world shapes over the protocol', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('shapes/de-md/wild'));
    await c.until(() => c.diagnostics.has(c.uri(P)) && c.diagnostics.has(c.uri(S)), 'the workspace was checked');
  });
  afterEach(async () => c?.stop());

  /** The position of the first `word` on a 0-based line of a file. */
  function find(rel: string, line: number, word: string) {
    const character = c.text(rel).split(/\r?\n/)[line].indexOf(word);
    assert.ok(character >= 0, `${word} on line ${line} of ${rel}`);
    return { line, character: character + 1 };
  }

  it('goes from a goal named by its words (Reichweite) to the numbered goal of the list', async () => {
    const defs = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(P) }, position: find(P, 7, 'Reichweite |') });
    assert.deepEqual(
      defs.map((d) => [d.uri, d.range.start.line, d.range.start.character]),
      [[c.uri(S), 19, 3]],
    );
    const byType = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(P) }, position: find(P, 8, 'Leads') });
    assert.deepEqual(
      byType.map((d) => d.range.start.line),
      [20],
      'Leads → the goal of type conversion',
    );
    const person = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(P) }, position: find(P, 9, 'Anna Berg') });
    assert.deepEqual(
      person.map((d) => [d.uri, d.range.start.line]),
      [[c.uri(S), 9]],
      'a full name goes to the team row',
    );
  });

  it('hovers over a numbered goal with its given ID and where it comes from', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: c.uri(S) }, position: find(S, 19, 'Reichweite') });
    const v = (h.contents as { value: string }).value;
    assert.match(v, /G1\*\* — Mehr Reichweite in der Region/);
    assert.match(v, /(place in the list|Stelle in der Liste)/);
    const fromPlan = await c.request<Hover>('textDocument/hover', { textDocument: { uri: c.uri(P) }, position: find(P, 7, 'Reichweite |') });
    assert.match((fromPlan.contents as { value: string }).value, /G1/);
  });

  it('gives a cross-post row one finding per rule, and reads every wild cell without a schema error', async () => {
    const diags: Diagnostic[] = c.diagnostics.get(c.uri(P)) ?? [];
    const row = diags.filter((d) => d.range.start.line === 7);
    // About the row: once. About each channel of the cross-post: once per channel, at its name.
    assert.deepEqual(
      row.filter((d) => d.code !== 'below-cadence').map((d) => d.code),
      ['missing-review'],
    );
    const line = c.text(P).split(/\r?\n/)[7];
    assert.deepEqual(
      row
        .filter((d) => d.code === 'below-cadence')
        .map((d) => d.range.start.character)
        .sort((a, b) => a - b),
      [line.indexOf('Instagram'), line.indexOf('Facebook')],
    );
    assert.deepEqual(
      diags.filter((d) => d.code === 'schema' || d.code === 'syntax'),
      [],
    );
    const unknown = diags.filter((d) => d.code === 'unknown-reference');
    assert.equal(unknown.length, 1);
    assert.match(String(unknown[0].message), /Umsatz/);
    assert.match(String(unknown[0].message), /Mehr Reichweite in der Region/, 'the goals are listed by title');
  });
});
