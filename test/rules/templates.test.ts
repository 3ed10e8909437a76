/**
 * The section templates that missing-step and the missing-governance/meetings/guidelines/
 * crisis-plan rules insert: where they go, how they are numbered, in which language, and
 * that what they insert reads back as exactly that section, with text and without items.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/core/parse';
import { SECTIONS, sectionsOfHeading, type SectionKey } from '../../server/src/core/vocab';
import { isPlaceholderOnly } from '../../server/src/core/vocab-practice';
import { TEMPLATES, docLanguage, insertSectionFix } from '../../server/src/core/edit/templates';
import type { ParsedDocument } from '../../server/src/core/model';
import { applyEdits } from '../helpers/edits';

function doc(name: string, text: string): ParsedDocument {
  const d = parseDocument(`file:///ws/${name}`, text);
  assert.ok(d, `${name} is no document`);
  return d;
}

function insert(d: ParsedDocument, key: SectionKey): string {
  const fix = insertSectionFix(d, key);
  assert.ok(fix, `no fix for ${key}`);
  assert.equal(fix.edits.length, 1);
  assert.equal(fix.edits[0].uri, d.uri);
  return applyEdits(d.text, fix.edits[0].edits);
}

const KEYS = SECTIONS.map((s) => s.key);

describe('section templates', () => {
  it('every heading and YAML key names exactly its own section, in both languages', () => {
    for (const key of KEYS) {
      for (const lang of ['en', 'de'] as const) assert.deepEqual(sectionsOfHeading(TEMPLATES[key].heading[lang]), [key], `${key} ${lang}`);
      assert.deepEqual(sectionsOfHeading(TEMPLATES[key].yamlDe), [key], `${key} yamlDe`);
    }
  });

  it('every template is real text: no placeholder, no @handle, no item definition', () => {
    for (const key of KEYS) {
      for (const lang of ['en', 'de'] as const) {
        const body = TEMPLATES[key].body[lang];
        assert.ok(body.length >= 1 && body.length <= 2, `${key} ${lang}: one or two questions`);
        for (const line of body) {
          assert.ok(!isPlaceholderOnly(line), `${key} ${lang}: placeholder`);
          assert.ok(!/\b(todo|tbd|xxx)\b|…/i.test(line), `${key} ${lang}: ${line}`);
          assert.ok(!line.includes('@') && !/^\s*[A-Za-z][\w.-]*\s*:/.test(line), `${key} ${lang}: ${line}`);
        }
      }
    }
  });

  it('guesses the language from the headings, then from the words', () => {
    assert.equal(docLanguage(doc('a.strategy.md', '# Strategie\n\n## Ziele\nText\n\n## Zielgruppen\nText\n')), 'de');
    assert.equal(docLanguage(doc('a.strategy.md', '# Strategy\n\n## Goals\nText\n\n## Audiences\nText\n')), 'en');
    // "Team" is both: then the words of the text decide.
    assert.equal(docLanguage(doc('a.strategy.md', '# 2027\n\n## Team\nWir sind drei, und die Geschäftsführung ist dabei.\n')), 'de');
    assert.equal(docLanguage(doc('a.strategy.md', '# 2027\n\n## Team\nWe are three, and the owner is with us.\n')), 'en');
    assert.equal(docLanguage(doc('a.strategy.yaml', 'stratdoc: strategy\nZiele: []\nKennzahlen: []\n')), 'de');
    // The document's `language` wins.
    assert.equal(docLanguage(doc('a.strategy.md', '---\nlanguage: en\n---\n# Strategie\n\n## Ziele\nText\n')), 'en');
  });

  it('Markdown: inserts a step before the next step, numbered like the others, tight like the others', () => {
    const d = doc('s.strategy.md', '---\nlanguage: de\n---\n# Strategie\n\n## 1. Team\n- @a — Inhaberin (Geschäftsführung)\n\n## 3. Ziele\nText\n');
    const out = insert(d, 'listening');
    assert.equal(
      out,
      `---\nlanguage: de\n---\n# Strategie\n\n## 1. Team\n- @a — Inhaberin (Geschäftsführung)\n\n## 2. Zuhören\n${TEMPLATES.listening.body.de.join(' ')}\n\n## 3. Ziele\nText\n`,
    );
  });

  it('Markdown: "Schritt N:" numbering and a blank line after headings are kept', () => {
    const d = doc('s.strategy.md', '# Strategie\n\n## Schritt 1: Team\n\nText\n\n## Schritt 8: Kanalplan\n\nText\n');
    assert.ok(insert(d, 'audiences').includes(`\n\n## Schritt 5: Zielgruppen\n\n${TEMPLATES.audiences.body.de.join(' ')}\n\n## Schritt 8: Kanalplan\n`));
    // The last step goes after the last step section.
    const e = doc('s.strategy.md', '# Strategy\n\n## Step 1 – Team\n\nText\n\n## Roles\n\nText\n');
    assert.equal(
      insert(e, 'goals'),
      `# Strategy\n\n## Step 1 – Team\n\nText\n\n## Step 3 – Goals\n\n${TEMPLATES.goals.body.en.join(' ')}\n\n## Roles\n\nText\n`,
    );
  });

  it('Markdown: other sections go after the steps; numbered only where the others are', () => {
    const numbered = doc('s.strategy.md', '# Strategy\n\n## 1. Team\nText\n\n## 8. Channels\nText\n');
    assert.ok(insert(numbered, 'crisis').endsWith(`## 8. Channels\nText\n\n## 9. Handling criticism\n${TEMPLATES.crisis.body.en.join(' ')}\n`));
    const mixed = doc('s.strategy.md', '# Strategy\n\n## 1. Team\nText\n\n## 8. Channels\nText\n\n## Editorial meeting\nText\n');
    // Governance comes before meetings (catalog order), unnumbered like the meeting section.
    assert.equal(
      insert(mixed, 'governance'),
      `# Strategy\n\n## 1. Team\nText\n\n## 8. Channels\nText\n\n## Roles and approval\n${TEMPLATES.governance.body.en.join(' ')}\n\n## Editorial meeting\nText\n`,
    );
  });

  it('Markdown: a comment right above the next heading stays with that heading', () => {
    const d = doc('s.strategy.md', '# Strategy\n\n## 1. Team\nText\n\n<!-- stratdoc-disable-next-line empty-step -->\n## 3. Goals\nText\n');
    assert.ok(
      insert(d, 'listening').includes(
        `Text\n\n## 2. Listening\n${TEMPLATES.listening.body.en.join(' ')}\n\n<!-- stratdoc-disable-next-line empty-step -->\n## 3. Goals\nText\n`,
      ),
    );
  });

  it('Markdown: a document without sections gets the section at its end', () => {
    const d = doc('s.strategy.md', '# Strategy\n\nIntro.');
    assert.equal(insert(d, 'team'), `# Strategy\n\nIntro.\n\n## Team\n\n${TEMPLATES.team.body.en.join(' ')}`);
  });

  it('YAML: a block scalar before the next key, above its comments, with the blank lines of the document', () => {
    const d = doc('s.strategy.yaml', 'stratdoc: strategy\nlanguage: de\n\nteam:\n  - "@a"\n\n# Schritt 3\ngoals: []\n');
    assert.equal(
      insert(d, 'listening'),
      `stratdoc: strategy\nlanguage: de\n\nteam:\n  - "@a"\n\nlistening: |\n  ${TEMPLATES.listening.body.de.join('\n  ')}\n\n# Schritt 3\ngoals: []\n`,
    );
    const tight = doc('s.strategy.yaml', 'stratdoc: strategy\nteam:\n  - "@a"\n');
    assert.equal(insert(tight, 'crisis'), `stratdoc: strategy\nteam:\n  - "@a"\ncrisis: |\n  ${TEMPLATES.crisis.body.en.join('\n  ')}\n`);
  });

  it('YAML: German keys where the document writes German keys', () => {
    const d = doc('s.strategy.yaml', 'stratdoc: strategy\nsprache: de\nZiele: []\nKanalplan: []\n');
    assert.ok(insert(d, 'listening').startsWith('stratdoc: strategy\nsprache: de\nZuhören: |\n'));
  });

  it('YAML: no fix where the document does not parse', () => {
    const d = doc('s.strategy.yaml', 'stratdoc: strategy\nteam: [\n');
    assert.equal(insertSectionFix(d, 'goals'), undefined);
  });

  it('every inserted section reads back as that section, with text and without items', () => {
    const bases: [string, string][] = [
      [
        'de.strategy.md',
        '---\nlanguage: de\n---\n# Strategie\n\n## 1. Team\n- @a — Inhaberin (Geschäftsführung)\n\n## 8. Kanalplan\nWir sind nur auf Instagram.\n',
      ],
      ['en.strategy.md', '# Strategy\n\nIntro.\n'],
      ['de.strategy.yaml', 'stratdoc: strategy\nlanguage: de\nteam:\n  - { id: "@a", role: Inhaberin }\n'],
      ['en.strategy.yaml', 'stratdoc: strategy\ntitle: Strategy\n'],
    ];
    for (const [name, text] of bases) {
      const before = doc(name, text);
      for (const key of KEYS) {
        if (before.strategy!.sections.some((s) => s.keys.includes(key))) continue;
        const after = doc(name, insert(before, key));
        const added = after.strategy!.sections.filter((s) => s.keys.includes(key));
        assert.equal(added.length, 1, `${name} ${key}`);
        assert.deepEqual(added[0].keys, [key], `${name} ${key}`);
        assert.ok(!isPlaceholderOnly(added[0].content), `${name} ${key}: ${added[0].content}`);
        assert.equal(after.problems.length, before.problems.length, `${name} ${key}: ${JSON.stringify(after.problems)}`);
        const count = (x: ParsedDocument) =>
          ['people', 'goals', 'kpis', 'audiences', 'channels'].map((k) => (x.strategy as unknown as Record<string, unknown[]>)[k].length).join();
        assert.equal(count(after), count(before), `${name} ${key}: items`);
        // The other sections keep their text.
        for (const s of before.strategy!.sections)
          assert.ok(
            after.strategy!.sections.some((a) => a.heading === s.heading && a.content === s.content),
            `${name} ${key}: ${s.heading}`,
          );
      }
    }
  });
});
