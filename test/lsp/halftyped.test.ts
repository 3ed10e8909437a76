/**
 * A key typed letter by letter in a YAML strategy or plan over the real server: while it has no
 * colon yet, the sections below it are read as written (docs/format.md "A key being
 * typed"), so no rule fires for them; the half-typed line gets its syntax finding.
 */
import * as assert from 'node:assert/strict';
import { TestClient, copyFixture } from './harness';

describe('server: a word typed without its colon in a YAML strategy or plan', function () {
  this.timeout(60000);
  let c: TestClient;
  afterEach(async () => c?.stop());

  /** The findings but the syntax ones, as code and message (lines may move). */
  const others = (uri: string) =>
    (c.diagnostics.get(uri) ?? [])
      .filter((d) => d.code !== 'syntax')
      .map((d) => `${d.code} ${String(d.message)}`)
      .sort();

  /** Types `word` letter by letter on a new line made above line `line`, checking each publish with `check`. */
  async function type(rel: string, line: number, lead: string, word: string, check: (typed: string) => void): Promise<void> {
    const uri = c.uri(rel);
    let v = c.publishedVersions.get(uri)!;
    const at = (ch: number) => ({ start: { line, character: ch }, end: { line, character: ch } });
    // Enter at the start of the line, then the word on the new line above it.
    await c.edit(rel, at(0), lead + '\n');
    v++;
    for (const [i, ch] of [...word].entries()) {
      await c.edit(rel, at(lead.length + i), ch);
      v++;
      await c.until(() => c.publishedVersions.get(uri) === v, `the publish of version ${v}`);
      const typed = word.slice(0, i + 1);
      check(typed);
      const syntax = c.diagnostics.get(uri)!.filter((d) => d.code === 'syntax' && d.range.start.line === line);
      assert.equal(syntax.length, 1, `after '${typed}': one syntax finding at its line`);
      assert.deepEqual(
        [syntax[0].range.start, syntax[0].range.end],
        [
          { line, character: lead.length },
          { line, character: lead.length + i + 1 },
        ],
      );
      assert.match(String(syntax[0].message), new RegExp(`'${typed}' has no colon`));
    }
  }

  it('typing `kpi` above the goals changes no finding of the strategy or its plan but adds the syntax one', async () => {
    c = await TestClient.start(copyFixture('lsp/en'), { locale: 'en-US' });
    const rel = 'strategy.yaml';
    // Step 7 (the human face) left out: its missing-step must stay while the user types.
    const text = c.text(rel).replace(/^faces:.*\n/m, '');
    const s = await c.open(rel, text);
    const plan = c.uri('plans/q1.plan.yaml');
    await c.until(() => c.publishedVersions.get(s) === 1 && c.codes(plan).includes('below-cadence'), 'the first diagnostics');
    const before = others(s);
    const planBefore = others(plan);
    assert.ok(
      before.some((x) => x.startsWith('missing-step') && /Step 7/.test(x)),
      'step 7 is missing to begin with',
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('goals:'));
    await type(rel, line, '', 'kpi', (typed) => assert.deepEqual(others(s), before, `after '${typed}': the same findings but the syntax one`));
    // The plan's goals and KPIs are still defined.
    assert.deepEqual(others(plan), planBefore);
  });

  it('typing a word at column 0 between two entries of a plan, and inside an entry, keeps the entries below it', async () => {
    c = await TestClient.start(copyFixture('lsp/en'), { locale: 'en-US' });
    const rel = 'plans/q1.plan.yaml';
    const p = await c.open(rel);
    // Checked with its strategy (the cadences it declares).
    await c.until(() => c.publishedVersions.get(p) === 1 && c.codes(p).includes('below-cadence'), 'the first diagnostics');
    const before = others(p);
    assert.ok(before.length >= 3, 'the plan has findings of its entries to keep');
    const second = c
      .text(rel)
      .split('\n')
      .findIndex((l) => l.startsWith('  - date: 2027-01-19'));
    await type(rel, second, '', 'kpi', (typed) => assert.deepEqual(others(p), before, `after '${typed}'`));
    // The word is left as it is; one more, inside the second entry (now a line lower).
    await type(rel, second + 3, '    ', 'chan', (typed) => assert.deepEqual(others(p), before, `after '${typed}' inside the entry`));
  });
});
