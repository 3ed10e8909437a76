/**
 * A CSV plan in the server (docs/format.md "CSV plans"): diagnostics on its cells,
 * completion of people and goal IDs in a cell, go to definition, and no code action that
 * writes Markdown or YAML syntax (a comment, a key) into the spreadsheet.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Location } from 'vscode-languageserver-protocol';
import type { PreviewModel } from '../../server/src/preview/types';
import { TestClient, copyFixture } from './harness';

const P = 'redaktionsplan-q1-2027.plan.csv';
const S = 'strategie.md';

describe('server: CSV plans', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('csv/excel-de'));
    await c.until(() => c.diagnostics.has(c.uri(P)), 'the CSV plan was checked');
  });
  afterEach(async () => c?.stop());

  function find(line: number, word: string) {
    const character = c.text(P).split(/\r?\n/)[line].indexOf(word);
    assert.ok(character >= 0, `${word} on line ${line}`);
    return { line, character: character + 1 };
  }

  it('gives diagnostics on the cells, from disk and when opened', async () => {
    const diags: Diagnostic[] = c.diagnostics.get(c.uri(P)) ?? [];
    const klaus = diags.find((d) => d.code === 'unknown-person');
    assert.ok(klaus, 'Klaus is not in the team');
    assert.deepEqual([klaus.range.start.line, klaus.range.start.character, klaus.range.end.character], [4, 53, 58]);
    await c.open(P);
    await c.until(() => (c.diagnostics.get(c.uri(P)) ?? []).some((d) => d.code === 'unknown-reference'), 'diagnostics of the open CSV');
  });

  it('completes people in the owner cell and goal IDs in the goal cell; goes to the definition', async () => {
    await c.open(P);
    const list = async (position: { line: number; character: number }) => {
      const r = await c.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: c.uri(P) }, position });
      return (Array.isArray(r) ? r : r.items).map((i) => i.label);
    };
    const people = await list(find(1, 'Anna'));
    assert.ok(people.includes('@anna') && people.includes('@tom'), people.join(' '));
    const goals = await list(find(1, 'Reichweite'));
    assert.ok(goals.includes('G1') && goals.includes('G2'), goals.join(' '));
    const defs = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(P) }, position: find(3, 'Anna Berg') });
    assert.deepEqual(
      defs.map((d) => d.uri),
      [c.uri(S)],
    );
  });

  it('offers no code action that writes a comment, a key or a line into the CSV', async () => {
    await c.open(P);
    const diags: Diagnostic[] = c.diagnostics.get(c.uri(P)) ?? [];
    assert.ok(diags.length >= 5);
    for (const d of diags) {
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: c.uri(P) },
        range: d.range,
        context: { diagnostics: [d] },
      });
      for (const a of actions ?? []) {
        assert.doesNotMatch(a.title, /disable|abschalten/i, a.title);
        for (const edit of a.edit?.changes?.[c.uri(P)] ?? []) {
          assert.doesNotMatch(edit.newText, /<!--|^#|[\n;"]/, `${a.title}: ${JSON.stringify(edit.newText)}`);
          assert.equal(edit.range.start.line, edit.range.end.line);
        }
      }
    }
    assert.equal(c.text(P).includes('<!--'), false);
  });

  it('appears in the preview: the plan, its entries in the calendar, its findings', async () => {
    const { model } = await c.request<{ model: PreviewModel }>('stratdoc/preview', { uri: c.uri(P) });
    assert.equal(model.focusUri, c.uri(P));
    assert.ok(
      model.plans.some((p) => p.uri === c.uri(P)),
      model.plans.map((p) => p.uri).join(' '),
    );
    // Six entries (two cross-posts of two channels, two single rows) and the six of its
    // Markdown twin in the same project.
    assert.equal(model.totals.entries, 12);
    const calendar = JSON.stringify(model.calendar);
    for (const title of ['Ein Tag in der Backstube', 'Tortenbestellung jetzt online', 'Azubi-Tag']) assert.ok(calendar.includes(title), title);
    const klaus = model.findings.find((g) => g.rule === 'unknown-person')!.items.find((i) => i.uri === c.uri(P));
    assert.ok(klaus, 'the CSV finding is in the preview');
    assert.equal(klaus.range.start.line, 4);
  });
});

describe('server: CSV files named by the plans: globs of .stratdoc.yaml', function () {
  this.timeout(30000);
  let c: TestClient;
  const G = 'redaktion/januar-export.csv';
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('csv/plans-glob'));
    await c.until(() => c.diagnostics.has(c.uri(G)), 'the CSV the globs name was checked');
  });
  afterEach(async () => c?.stop());

  it('checks the CSV and the unmarked table the globs name, from disk and open; other CSV files stay silent', async () => {
    assert.ok((c.diagnostics.get(c.uri(G)) ?? []).some((d) => d.code === 'unknown-person'));
    await c.until(
      () => (c.diagnostics.get(c.uri('notizen/themen.md')) ?? []).some((d) => d.code === 'entry-without-goal'),
      'the Markdown table read as a plan',
    );
    await c.open(G);
    await c.open('export.csv');
    await c.until(() => (c.diagnostics.get(c.uri(G)) ?? []).some((d) => d.code === 'unknown-reference'), 'diagnostics of the open CSV');
    assert.deepEqual(c.diagnostics.get(c.uri('export.csv')) ?? [], []);
  });
});
