/**
 * A code fence or HTML comment left open hides the rest of a Markdown strategy or plan
 * (docs/rules/syntax.md): one syntax problem at its opening line, naming what it hides, in
 * a fresh reading and in a reading kept keystroke by keystroke alike.
 */
import * as assert from 'node:assert/strict';
import { parseDocument, ChunkCache } from '../../server/src/core/parse';
import { meaning } from '../helpers/meaning';

const URI = 'file:///ws/strategie.md';
const HEAD = '---\nstratdoc: strategy\n---\n# Strategie 2027\n\n## 3. Ziele\n### G1: Mehr Probefahrten\n- Art: Abverkauf\n\n';
const HIDDEN = '## 4. Kennzahlen\n| ID | Kennzahl | Ziel |\n|---|---|---|\n| K1 | Probefahrten | G1 |\n\n## 8. Kanalplan\n### Instagram\n';

const syntax = (text: string, cache?: ChunkCache) => parseDocument(URI, text, cache && { cache })!.problems.filter((p) => p.rule === 'syntax');

describe('core: a fence or comment left open', () => {
  it('is one syntax problem at its opening line that names the first heading it hides, with a fix before it', () => {
    const text = `${HEAD}\`\`\`yaml\ngoals:\n  - id: G2\n\n${HIDDEN}`;
    const [p, ...rest] = syntax(text);
    assert.deepEqual(rest, []);
    assert.equal(p.range.start.line, 9);
    assert.match(p.message.en, /code block is never closed.*'## 4\. Kennzahlen' and 3 more/);
    assert.match(p.message.de, /Codeblock wird nie geschlossen.*'## 4\. Kennzahlen' und 3 weitere/);
    const edit = p.fixes![0].edits[0].edits[0];
    assert.deepEqual([edit.range.start.line, edit.newText], [13, '```\n\n']);
    // The fix makes the hidden sections read.
    const lines = text.split('\n');
    lines.splice(13, 0, '```', '');
    const fixed = parseDocument(URI, lines.join('\n'))!;
    assert.deepEqual(syntax(lines.join('\n')), []);
    assert.deepEqual(
      fixed.strategy!.kpis.map((k) => k.id),
      ['K1'],
    );
  });

  it('holds for an HTML comment, a tilde fence, and a plan', () => {
    assert.match(syntax(`${HEAD}<!-- später\n\n${HIDDEN}`)[0].message.en, /HTML comment is never closed.*Close it with -->/);
    assert.match(syntax(`${HEAD}~~~~\n${HIDDEN}`)[0].message.en, /Close it with ~~~~/);
    const plan =
      '---\nstratdoc: plan\n---\n# Plan\n\n| Datum | Kanal | Thema |\n|---|---|---|\n| 02.03.2027 | Instagram | A |\n\n```\n| Datum | Kanal | Thema |\n|---|---|---|\n| 03.03.2027 | Instagram | B |\n';
    const [p] = parseDocument('file:///ws/q1.plan.md', plan)!.problems.filter((x) => x.rule === 'syntax');
    assert.match(p.message.en, /'\| Datum \| Kanal \| Thema \|' is not read/);
  });

  it('is silent where nothing is hidden or the block is closed', () => {
    assert.deepEqual(syntax(`${HEAD}\`\`\`bash\n# install\nnpm ci\n`), [], 'a # comment is code');
    assert.deepEqual(syntax(`${HEAD}\`\`\`\ncode\n\`\`\`\n\n${HIDDEN}`), []);
    assert.deepEqual(syntax(`${HEAD}<!-- note -->\n\n${HIDDEN}`), []);
    assert.deepEqual(syntax(`${HEAD}<!--\nnote\n-->\n${HIDDEN}`), []);
    assert.deepEqual(syntax(`${HEAD}\`\`\`\`\n\`\`\`\n## in the example\n\`\`\`\`\n`), [], 'a longer fence holds a shorter one');
    assert.deepEqual(syntax(`${HEAD}- item\n\n  \`\`\`\n  ## in a list item\n`), [], 'inside a list item it ends with the item');
    // Ordinary Markdown is no document of stratdoc: nothing is read, nothing reported.
    assert.equal(parseDocument('file:///ws/README.md', '# Readme\n\n```sh\nnpm ci\n\n## Usage\n'), undefined);
  });

  it('comes and goes keystroke by keystroke as a fresh reading has it', () => {
    const cache = new ChunkCache();
    // Long enough for the fine cut to make many chunks, of which a keystroke re-reads one.
    const big = HEAD + Array.from({ length: 40 }, (_, i) => `Absatz ${i}: Wir posten, was die Werkstatt erlebt.\n`).join('\n');
    const steps = [big, `${big}\n\`\`\`\n${HIDDEN}`, `${big}\n\`\`\`\n\`\`\`\n${HIDDEN}`, `${big}\n<!--\n${HIDDEN}`, `${big}\n<!--\n-->\n${HIDDEN}`];
    const want = [0, 1, 0, 1, 0];
    steps.forEach((text, i) => {
      const kept = parseDocument(URI, text, { cache })!;
      assert.deepEqual(meaning(kept), meaning(parseDocument(URI, text)!), `step ${i}`);
      assert.equal(kept.problems.filter((p) => p.rule === 'syntax').length, want[i], `step ${i}`);
    });
  });
});
