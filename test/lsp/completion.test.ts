/**
 * Protocol tests for completion: IDs, enum values, missing keys and fields, table cells
 * and missing step headings, in the German (`lsp/basic`) and the English (`lsp/en`)
 * workspace, in Markdown and YAML.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, copyFixture, REPO } from './harness';
import { listFiles, loadWorkspace } from '../helpers/fsworkspace';
import { completionAt } from '../../server/src/service/completion';

type Result = CompletionItem[] | CompletionList | null;

/** Opens (or changes) a document to `text` and asks for completion at the first `‸` in it. */
async function completeAt(c: TestClient, rel: string, marked: string): Promise<CompletionItem[]> {
  const at = marked.indexOf('‸');
  assert.ok(at >= 0, 'the text marks the cursor with ‸');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = marked.slice(0, at).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  if (openDocs.get(c)?.has(rel)) await c.change(rel, text);
  else {
    await c.open(rel, text);
    if (!openDocs.has(c)) openDocs.set(c, new Set());
    openDocs.get(c)!.add(rel);
  }
  return items(await c.request<Result>('textDocument/completion', { textDocument: { uri: c.uri(rel) }, position }));
}

const openDocs = new WeakMap<TestClient, Set<string>>();

function items(r: Result): CompletionItem[] {
  if (!r) return [];
  return Array.isArray(r) ? r : r.items;
}

/** The labels in the order the client shows them (by sortText). */
function labels(list: CompletionItem[]): string[] {
  return [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

function edit(i: CompletionItem): TextEdit {
  assert.ok(i.textEdit && 'range' in i.textEdit, `${i.label} has a textEdit`);
  return i.textEdit;
}

function docOf(i: CompletionItem): string {
  return typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? '');
}

function find(list: CompletionItem[], label: string): CompletionItem {
  const i = list.find((x) => x.label === label);
  assert.ok(i, `${label} in ${labels(list).join(', ')}`);
  return i;
}

/** A fixture file's text as on disk (the tests share one server; each edits from the original). */
function orig(c: TestClient, rel: string): string {
  return fs.readFileSync(path.join(c.root, rel), 'utf8');
}

/** Replaces the first occurrence of `from` in a fixture file's original text. */
function replaced(c: TestClient, rel: string, from: string, to: string): string {
  const text = orig(c, rel);
  assert.ok(text.includes(from), `${rel} contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('server: completion over the protocol', function () {
  this.timeout(30000);
  let c: TestClient;

  /** Puts every edited fixture document back to its text on disk, so each test starts from the fixture. */
  async function restore(): Promise<void> {
    const open = openDocs.get(c) ?? new Set<string>();
    for (const rel of [...open]) {
      if (fs.existsSync(path.join(c.root, rel))) await c.change(rel, orig(c, rel));
      else {
        await c.close(rel);
        open.delete(rel);
      }
    }
  }

  describe('German workspace (lsp/basic)', () => {
    before(async () => {
      c = await TestClient.start(copyFixture('lsp/basic'));
    });
    after(async () => c?.stop());
    afterEach(restore);

    it('YAML plan: goal: lists the goals with their titles and summaries', async () => {
      const list = await completeAt(c, 'plaene/q1.plan.yaml', replaced(c, 'plaene/q1.plan.yaml', 'goal: G9', 'goal: ‸'));
      assert.deepEqual(labels(list), ['G1', 'G2']);
      const g1 = find(list, 'G1');
      assert.equal(g1.detail, 'Mehr Probefahrten für E-Autos');
      assert.equal(find(list, 'G2').detail, 'Bekannter werden in der Region');
      assert.equal(g1.kind, 18 /* Reference */);
      assert.match(docOf(g1), /Art: Abverkauf/);
      assert.match(docOf(g1), /Hauptziel/);
      assert.match(docOf(g1), /K1/);
      const e = edit(g1);
      assert.equal(e.newText, 'G1');
      assert.deepEqual(e.range, { start: { line: 18, character: 10 }, end: { line: 18, character: 10 } });
    });

    it('YAML plan: a partly typed goal is replaced, so the client filters by it', async () => {
      const list = await completeAt(c, 'plaene/q1.plan.yaml', replaced(c, 'plaene/q1.plan.yaml', 'goal: G9', 'goal: G‸9'));
      assert.deepEqual(labels(list), ['G1', 'G2']);
      assert.deepEqual(edit(find(list, 'G2')).range, { start: { line: 18, character: 10 }, end: { line: 18, character: 12 } });
    });

    it('YAML plan: right after the colon the value comes with a space', async () => {
      const list = await completeAt(c, 'plaene/q1.plan.yaml', replaced(c, 'plaene/q1.plan.yaml', 'goal: G9', 'goal:‸'));
      assert.equal(edit(find(list, 'G1')).newText, ' G1');
    });

    it('YAML plan: channel: lists the channels of the channel plan', async () => {
      const list = await completeAt(
        c,
        'plaene/q1.plan.yaml',
        replaced(c, 'plaene/q1.plan.yaml', '    channel: instagram\n    format: reel\n    title: Wie', '    channel: ‸\n    format: reel\n    title: Wie'),
      );
      assert.deepEqual(labels(list), ['instagram', 'linkedin']);
      assert.match(docOf(find(list, 'instagram')), /3 Reels pro Woche/);
    });

    it('YAML plan: owner: lists the team without @ (an unquoted @ is a YAML error)', async () => {
      const list = await completeAt(
        c,
        'plaene/q1.plan.yaml',
        replaced(c, 'plaene/q1.plan.yaml', '    goal: G9\n    owner: anna', '    goal: G9\n    owner: ‸'),
      );
      assert.deepEqual(labels(list), ['anna', 'dirk', 'sven']);
      assert.deepEqual(list.map((i) => edit(i).newText).sort(), ['anna', 'dirk', 'sven']);
      const dirk = find(list, 'dirk');
      assert.match(dirk.detail!, /Geschäftsführer/);
      assert.match(docOf(dirk), /Geschäftsführung/);
    });

    it('YAML plan: a typed quote or @ gets the quoted handle', async () => {
      const original = orig(c, 'plaene/q1.plan.yaml');
      const first = 'reviewer: dirk\n    status: planned\n  - date';
      let list = await completeAt(c, 'plaene/q1.plan.yaml', original.replace(first, 'reviewer: "‸\n    status: planned\n  - date'));
      assert.equal(edit(find(list, 'dirk')).newText, '"@dirk"');
      list = await completeAt(c, 'plaene/q1.plan.yaml', original.replace(first, 'reviewer: @d‸\n    status: planned\n  - date'));
      const d = edit(find(list, 'dirk'));
      assert.equal(d.newText, '"@dirk"');
      assert.deepEqual(d.range, { start: { line: 11, character: 14 }, end: { line: 11, character: 16 } });
    });

    it('YAML plan in a German project: mode offers the German labels first, the English keys too', async () => {
      const list = await completeAt(c, 'plaene/q1.plan.yaml', replaced(c, 'plaene/q1.plan.yaml', 'mode: service', 'mode: ‸'));
      assert.deepEqual(labels(list), [
        'Werbung',
        'Geschichte',
        'Dialog',
        'Tipps',
        'Menschen',
        'Community',
        'gemischt',
        'push',
        'story',
        'service',
        'people',
        'ugc',
        'mixed',
      ]);
      assert.match(find(list, 'Werbung').detail!, /^push/);
      assert.equal(find(list, 'push').kind, 20 /* EnumMember */);
    });

    it('YAML plan: status and format in the document language', async () => {
      let list = await completeAt(c, 'plaene/q1.plan.yaml', replaced(c, 'plaene/q1.plan.yaml', 'status: planned\n  - date', 'status: ‸\n  - date'));
      assert.deepEqual(labels(list).slice(0, 8), ['Idee', 'geplant', 'Entwurf', 'in Freigabe', 'freigegeben', 'eingeplant', 'veröffentlicht', 'gestrichen']);
      assert.ok(labels(list).includes('in-review'));
      list = await completeAt(c, 'plaene/q1.plan.yaml', replaced(c, 'plaene/q1.plan.yaml', 'format: reel', 'format: ‸'));
      assert.deepEqual(labels(list), [
        'reel',
        'story',
        'post',
        'carousel',
        'video',
        'live',
        'newsletter',
        'Artikel',
        'podcast',
        'Anzeige',
        'Veranstaltung',
        'article',
        'ad',
        'event',
      ]);
    });

    it('Markdown plan: a cell in the Ziel column offers the goals', async () => {
      const text = orig(c, 'plaene/q2.md');
      const row = '| 02.04.2027 | Instagram | Frühlingscheck für E-Autos | Tipps | ';
      const list = await completeAt(c, 'plaene/q2.md', text.replace(row + 'G1', row + 'G‸1'));
      assert.deepEqual(labels(list), ['G1', 'G2']);
      const e = edit(find(list, 'G2'));
      assert.equal(e.newText, 'G2');
      assert.deepEqual(e.range, { start: { line: 8, character: row.length }, end: { line: 8, character: row.length + 2 } });
    });

    it('Markdown plan: wild column headers mean what the reader says (Zuständig → people, Zielbezug → goals)', async () => {
      const text = orig(c, 'plaene/q2.md').replace('| Ziel | Verantwortlich |', '| Zielbezug | Zuständig |');
      const people = await completeAt(c, 'plaene/q2.md', text.replace('| G1 | @anna |', '| G1 | ‸ |'));
      assert.deepEqual(labels(people), ['@anna', '@dirk', '@sven']);
      const goals = await completeAt(c, 'plaene/q2.md', text.replace('| Tipps | G1 |', '| Tipps | ‸ |'));
      assert.deepEqual(labels(goals), ['G1', 'G2']);
    });

    it('Markdown plan: a column means in completion what it means to the reader (Kennzahl beside Thema holds KPIs)', async () => {
      // The reader names a plan's columns (docs/decisions.md "Positions from the model");
      // a Kennzahl column is the title in a KPI table, but beside a Thema column the KPI.
      const text = orig(c, 'plaene/q2.md').replace('| Ziel | Verantwortlich |', '| Kennzahl | Verantwortlich |');
      const list = await completeAt(c, 'plaene/q2.md', text.replace('| Tipps | G1 |', '| Tipps | K‸ |'));
      assert.deepEqual(labels(list), ['K1', 'K2']);
    });

    it('Markdown plan: @ in a cell offers the team as @handles', async () => {
      const text = orig(c, 'plaene/q2.md');
      const list = await completeAt(c, 'plaene/q2.md', text.replace('| G1 | @anna |', '| G1 | @‸ |'));
      assert.deepEqual(labels(list), ['@anna', '@dirk', '@sven']);
      assert.equal(edit(find(list, '@sven')).newText, '@sven');
    });

    it('Markdown plan: the Kanal column offers channels as the strategy writes them', async () => {
      const text = orig(c, 'plaene/q2.md');
      const list = await completeAt(c, 'plaene/q2.md', text.replace('| 09.04.2027 | LinkedIn |', '| 09.04.2027 | ‸ |'));
      assert.deepEqual(labels(list), ['Instagram', 'LinkedIn']);
    });

    it('Markdown plan: typing | opens the next cell, whose values come with a space', async () => {
      const text = orig(c, 'plaene/q2.md');
      const list = await completeAt(c, 'plaene/q2.md', text.replace(/\n$/, '') + '\n| 16.04.2027 |‸\n');
      assert.deepEqual(labels(list), ['Instagram', 'LinkedIn']);
      assert.equal(edit(find(list, 'LinkedIn')).newText, ' LinkedIn');
    });

    it('Markdown plan: the Status column offers German statuses first', async () => {
      const text = orig(c, 'plaene/q2.md');
      const list = await completeAt(c, 'plaene/q2.md', text.replace('| @sven | @dirk | geplant |', '| @sven | @dirk | ‸ |'));
      assert.deepEqual(labels(list).slice(0, 8), ['Idee', 'geplant', 'Entwurf', 'in Freigabe', 'freigegeben', 'eingeplant', 'veröffentlicht', 'gestrichen']);
      assert.deepEqual(labels(list).slice(8), ['idea', 'planned', 'draft', 'in-review', 'approved', 'scheduled', 'published', 'cancelled']);
    });

    it('Markdown plan: the Modus column offers German labels first', async () => {
      const text = orig(c, 'plaene/q2.md');
      const list = await completeAt(c, 'plaene/q2.md', text.replace('| Tipps |', '| Ti‸ |'));
      assert.deepEqual(labels(list).slice(0, 7), ['Werbung', 'Geschichte', 'Dialog', 'Tipps', 'Menschen', 'Community', 'gemischt']);
      const e = edit(find(list, 'Tipps'));
      assert.equal(e.range.end.character - e.range.start.character, 2);
    });

    it('Markdown strategy: the missing Key: fields under a goal heading, in German', async () => {
      const list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '- Kennzahlen: K2\n', '- Kennzahlen: K2\n- ‸\n'));
      assert.deepEqual(labels(list), ['Primär', 'Beschreibung']);
      assert.equal(edit(find(list, 'Primär')).newText, 'Primär: ');
      assert.equal(find(list, 'Primär').kind, 5 /* Field */);
    });

    it("Markdown strategy: an item's missing fields are its own, not those of the items after it, and a description paragraph counts", async () => {
      // The item from the model's position index (docs/decisions.md "Positions from the model").
      const nested = orig(c, 'strategie.md').replace(
        '### A1: Pendler zwischen 30 und 50\n- Bedürfnisse: Reichweite, Ladepunkte, Kosten\n',
        '- **A1** – Pendler zwischen 30 und 50\n  - Demografie: 30 bis 50 Jahre\n  - ‸\n- **A2** – Gewerbekunden\n  - Bedürfnisse: Ladepunkte\n',
      );
      let list = await completeAt(c, 'strategie.md', nested);
      assert.ok(labels(list).includes('Bedürfnisse'), `A2's Bedürfnisse is not A1's: ${labels(list).join(', ')}`);
      assert.ok(!labels(list).includes('Demografie'), labels(list).join(', '));
      const described = orig(c, 'strategie.md').replace(
        '### G2: Bekannter werden in der Region\n',
        '### G2: Bekannter werden in der Region\nMehr Menschen im Ortenaukreis kennen uns.\n\n- ‸\n',
      );
      list = await completeAt(c, 'strategie.md', described);
      assert.ok(labels(list).includes('Primär') && !labels(list).includes('Beschreibung'), labels(list).join(', '));
    });

    it('Markdown strategy: under a heading the reader makes no item of (📸 alone, G😀:), the keys of the item it would be', async () => {
      // The reader keeps the definition as half-typed with its section's kind and its list (docs/decisions.md "Positions from the model").
      let list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '### Instagram\n- Warum: Pendler', '### 📸\n- ‸\n- Warum: Pendler'));
      assert.deepEqual(labels(list), ['Zielgruppen'], 'the channel keys its list does not have');
      list = await completeAt(
        c,
        'strategie.md',
        replaced(c, 'strategie.md', '## 4. Kennzahlen', '### G😀: Ziel mit Emoji\n- Art: Bekanntheit\n- ‸\n\n## 4. Kennzahlen'),
      );
      assert.ok(labels(list).includes('Primär') && !labels(list).includes('Art'), labels(list).join(', '));
      // Below an HTML comment left open the rest is comment text (CommonMark): no item there.
      list = await completeAt(
        c,
        'strategie.md',
        replaced(c, 'strategie.md', '## 8. Kanalplan\n', '## 8. Kanalplan\n<!-- noch offen\n\n').replace('- Ziele: G1, G2\n', '- Ziele: G1, G2\n- ‸\n'),
      );
      assert.deepEqual(labels(list), []);
    });

    it('Markdown strategy and plan: a table row that is no item or entry yet offers the values of its column', async () => {
      let list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '| K2 | Empfehlungen', '|  |  | ‸ |  |  |  |  |  |\n| K2 | Empfehlungen'));
      assert.equal(labels(list)[0], 'Konversionen', 'the Metrik column');
      const plan = 'plaene/' + fs.readdirSync(path.join(c.root, 'plaene')).find((f) => f.endsWith('.md'))!;
      const row = '| 09.04.2027 | LinkedIn |';
      list = await completeAt(c, plan, replaced(c, plan, row, `|  |  |  |  | ‸ |  |  |  |\n${row}`));
      assert.deepEqual(labels(list), ['G1', 'G2'], 'the Ziel column of an empty row');
    });

    it('Markdown strategy: values of a list field (KPIs, types, people in resources)', async () => {
      let list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '- Kennzahlen: K2\n', '- Kennzahlen: K2, ‸\n'));
      assert.deepEqual(labels(list), ['K1'], 'K2 is already there');
      assert.equal(find(list, 'K1').detail, 'Probefahrt-Anfragen aus Social');
      list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '- Art: Bekanntheit', '- Art: ‸'));
      assert.deepEqual(labels(list).slice(0, 3), ['Bekanntheit', 'Erwägung', 'Abverkauf']);
      list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '- Ressourcen: @sven, 2 h/Woche', '- Ressourcen: ‸'));
      assert.deepEqual(labels(list), ['@anna', '@dirk', '@sven']);
      list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '- Primär: ja', '- Primär: ‸'));
      assert.deepEqual(labels(list), ['ja', 'nein', 'yes', 'no']);
    });

    it('Markdown strategy: the Metrik column offers business metrics first, vanity ones marked', async () => {
      const list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '| conversions |', '| ‸ |'));
      const l = labels(list);
      assert.equal(l[0], 'Konversionen');
      const reach = find(list, 'Reichweite');
      assert.match(reach.detail!, /Vanity/);
      assert.ok(l.indexOf('Umsatz') < l.indexOf('Kommentare'), 'business before intermediate');
      assert.ok(l.indexOf('Kommentare') < l.indexOf('Reichweite'), 'intermediate before vanity');
      assert.ok(l.indexOf('conversions') > l.indexOf('Probefahrten'), 'German names first, English too');
      assert.ok(l.indexOf('followers') > l.indexOf('share of voice'));
    });

    it('Markdown strategy: ## offers the headings of the missing steps, numbered, in step order', async () => {
      const text =
        '---\nstratdoc: strategy\nlanguage: de\n---\n# Entwurf\n\n## 1. Team\n| Person | Rolle | Bereich |\n|---|---|---|\n| @jana | Leitung | Marketing |\n\n## 3. Ziele\nMehr Anfragen.\n\n## ‸\n';
      const list = await completeAt(c, 'entwurf/strategie.md', text);
      assert.deepEqual(labels(list).slice(0, 6), ['2. Zuhören', '4. Kennzahlen', '5. Zielgruppen', '6. Mehrwert', '7. Gesichter', '8. Kanalplan']);
      assert.ok(labels(list).includes('Rollen und Freigabe'), 'the other missing sections after the steps');
      assert.equal(edit(find(list, '2. Zuhören')).newText, '2. Zuhören');
      assert.equal(find(list, '2. Zuhören').detail, 'Schritt 2 von 8');
    });

    it('Markdown strategy: @ in the text offers the team', async () => {
      const list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', 'Anna schreibt, Dirk gibt frei.', 'Anna schreibt, @d‸ gibt frei.'));
      assert.deepEqual(labels(list), ['@anna', '@dirk', '@sven']);
      assert.deepEqual(edit(find(list, '@dirk')).range, { start: { line: 57, character: 15 }, end: { line: 57, character: 17 } });
    });

    it('nothing in ordinary text, in headings of items, or in a fenced block', async () => {
      assert.deepEqual(await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', 'Jeden Montag um 9 Uhr.', 'Jeden Montag um 9 U‸hr.')), []);
      assert.deepEqual(await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', 'Jeden Montag um 9 Uhr.', '```\n- Art: ‸\n```')), []);
    });

    it('a fence as the reader reads it (CommonMark): ```js closes no fence, the bare ``` after it does', async () => {
      const fenced = '```\nkein Schluss:\n```js\n- Art: ‸\n```';
      assert.deepEqual(await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', 'Jeden Montag um 9 Uhr.', fenced)), [], 'still inside the fence');
      const after = '```\nkein Schluss:\n```js\n```\n\n### G3: Neu\n- Art: ‸';
      const list = await completeAt(c, 'strategie.md', replaced(c, 'strategie.md', '- Art: Bekanntheit', `- Art: Bekanntheit\n\n${after}`));
      assert.ok(labels(list).includes('Bekanntheit'), labels(list).join(', '));
    });

    it('front matter: the keys it has, a key typed without its colon not taken for the next key', async () => {
      const text = orig(c, 'strategie.md');
      const list = await completeAt(c, 'strategie.md', text.replace('language: de\n', 'langu‸\n'));
      assert.deepEqual(labels(list), ['language'], 'title, period and stratdoc are there; period still counts below the half-typed line');
    });

    it('an unknown document or a position beyond the end gives an empty list, no error', async () => {
      const none = await c.request<Result>('textDocument/completion', {
        textDocument: { uri: c.uri('gibt-es-nicht.plan.yaml') },
        position: { line: 0, character: 0 },
      });
      assert.deepEqual(items(none), []);
      await c.open('README.md', '# Notizen\n\n- Ziel: ');
      const readme = await c.request<Result>('textDocument/completion', { textDocument: { uri: c.uri('README.md') }, position: { line: 2, character: 8 } });
      assert.deepEqual(items(readme), [], 'an ordinary Markdown file gets nothing');
      const uri = c.uri('plaene/q1.plan.yaml');
      for (const position of [
        { line: 500, character: 0 },
        { line: 9, character: 400 },
        { line: -1, character: 0 },
      ]) {
        const r = await c.request<Result>('textDocument/completion', { textDocument: { uri }, position });
        assert.deepEqual(items(r), [], JSON.stringify(position));
      }
    });
  });

  describe('English workspace (lsp/en)', () => {
    before(async () => {
      c = await TestClient.start(copyFixture('lsp/en'), { locale: 'en' });
    });
    after(async () => c?.stop());
    afterEach(restore);

    it('YAML plan: the keys an entry is missing (mode, reviewer…), not those it has', async () => {
      const list = await completeAt(c, 'plans/q1.plan.yaml', orig(c, 'plans/q1.plan.yaml').replace('    status: draft\n', '    status: draft\n    ‸\n'));
      assert.deepEqual(labels(list), ['time', 'format', 'mode', 'kpi', 'audience', 'reviewer', 'link', 'campaign', 'id']);
      const mode = find(list, 'mode');
      assert.equal(edit(mode).newText, 'mode: ');
      assert.equal(mode.kind, 5 /* Field */);
      assert.equal(mode.command?.command, 'editor.action.triggerSuggest');
    });

    it('YAML plan: a key being typed in the middle of an entry', async () => {
      const list = await completeAt(c, 'plans/q1.plan.yaml', orig(c, 'plans/q1.plan.yaml').replace('    title: Five tips', '    re‸\n    title: Five tips'));
      assert.ok(labels(list).includes('reviewer'));
      assert.ok(!labels(list).includes('channel'), 'the entry has a channel');
      assert.ok(!labels(list).includes('owner'), 'the entry has an owner (below the cursor)');
      assert.deepEqual(edit(find(list, 'reviewer')).range, { start: { line: 15, character: 4 }, end: { line: 15, character: 6 } });
    });

    it('YAML plan: wild entry keys (assignee:, objective:) offer people and goals, and count as the keys they mean', async () => {
      const text = orig(c, 'plans/q1.plan.yaml');
      const people = await completeAt(c, 'plans/q1.plan.yaml', text.replace('    owner: lena\n', '    assignee: ‸\n'));
      assert.ok(labels(people).includes('lena') && labels(people).includes('maya'), labels(people).join(', '));
      assert.ok(!labels(people).includes('O1'), 'people, not goals');
      const goals = await completeAt(c, 'plans/q1.plan.yaml', text.replace('    goal: O2\n', '    objective: ‸\n'));
      assert.ok(labels(goals).includes('O1') && labels(goals).includes('O2'), labels(goals).join(', '));
      const keys = await completeAt(
        c,
        'plans/q1.plan.yaml',
        text.replace('    owner: lena\n    status: draft\n', '    assignee: lena\n    status: draft\n    ‸\n'),
      );
      assert.ok(!labels(keys).includes('owner'), `assignee is the owner: ${labels(keys).join(', ')}`);
    });

    it('YAML plan: a new entry gets every key of an entry', async () => {
      const list = await completeAt(c, 'plans/q1.plan.yaml', orig(c, 'plans/q1.plan.yaml') + '  - ‸\n');
      assert.deepEqual(labels(list).slice(0, 3), ['date', 'time', 'channel']);
    });

    it('YAML plan: German keys are offered where the entry already uses German keys', async () => {
      const text = 'stratdoc: plan\nstrategy: ../strategy.yaml\nentries:\n  - Datum: 2027-03-02\n    Kanal: instagram\n    ‸\n';
      const list = await completeAt(c, 'plans/maerz.plan.yaml', text);
      const l = labels(list);
      assert.equal(l[0], 'Uhrzeit');
      assert.ok(l.includes('Modus') && l.includes('mode'));
      assert.ok(!l.includes('Kanal') && !l.includes('channel') && !l.includes('date'));
    });

    it('YAML plan: values in English; a block sequence under a key', async () => {
      let list = await completeAt(c, 'plans/q1.plan.yaml', orig(c, 'plans/q1.plan.yaml').replace('mode: people', 'mode: ‸'));
      assert.deepEqual(labels(list), ['push', 'story', 'dialog', 'service', 'people', 'ugc', 'mixed']);
      assert.match(find(list, 'push').detail!, /advertising/);
      list = await completeAt(c, 'plans/q1.plan.yaml', orig(c, 'plans/q1.plan.yaml').replace('    goal: O2\n', '    kpi:\n      - M2\n      - ‸\n'));
      assert.deepEqual(labels(list), ['M1'], 'M2 is already in the list');
      assert.match(docOf(find(list, 'M1')), /bookings/);
    });

    it('YAML plan: strategy: offers the strategies by relative path', async () => {
      const list = await completeAt(c, 'plans/q1.plan.yaml', orig(c, 'plans/q1.plan.yaml').replace('strategy: ../strategy.yaml', 'strategy: ‸'));
      assert.deepEqual(labels(list), ['../strategy.yaml', '../draft/strategy.md']);
    });

    it('YAML strategy: flow lists and flow mappings', async () => {
      let list = await completeAt(c, 'strategy.yaml', orig(c, 'strategy.yaml').replace('goals: [O1] }', 'goals: [O1, ‸] }'));
      assert.deepEqual(labels(list), ['O2']);
      list = await completeAt(c, 'strategy.yaml', orig(c, 'strategy.yaml').replace('goals: [O1] }', 'goals: [O1,‸] }'));
      assert.equal(edit(find(list, 'O2')).newText, ' O2');
      list = await completeAt(c, 'strategy.yaml', orig(c, 'strategy.yaml').replace('resources: ["@lena", 2 h/month]', 'resources: [‸]'));
      assert.deepEqual(labels(list), ['@maya', '@tom', '@lena']);
      assert.equal(edit(find(list, '@tom')).newText, '"@tom"', 'a person in resources is a quoted @handle');
      list = await completeAt(c, 'strategy.yaml', orig(c, 'strategy.yaml').replace('type: awareness', 'type: ‸'));
      assert.deepEqual(labels(list), ['awareness', 'consideration', 'conversion', 'loyalty', 'advocacy', 'employer-branding', 'service']);
      list = await completeAt(c, 'strategy.yaml', orig(c, 'strategy.yaml').replace('primary: true, kpis: [M1] }', 'kpis: [M1], ‸ }'));
      assert.deepEqual(labels(list), ['primary', 'description']);
      list = await completeAt(c, 'strategy.yaml', orig(c, 'strategy.yaml').replace('metric: share of voice', 'metric: ‸'));
      assert.equal(labels(list)[0], 'conversions');
      assert.match(find(list, 'likes').detail!, /vanity/);
    });

    it('YAML strategy: the missing top-level sections at column 0', async () => {
      const text =
        'stratdoc: strategy\ntitle: Two steps\nteam:\n  - { id: "@maya", role: Lead }\ngoals:\n  - { id: O1, title: More bookings, kpis: [M1] }\n‸\n';
      const list = await completeAt(c, 'second/strategy.yaml', text);
      const l = labels(list);
      assert.deepEqual(l.slice(0, 2), ['language', 'period']);
      assert.deepEqual(l.slice(2, 8), ['listening', 'kpis', 'audiences', 'value', 'faces', 'channels']);
      assert.ok(!l.includes('team') && !l.includes('goals'));
    });

    it('Markdown plan: table cells by column, in English', async () => {
      const text = orig(c, 'plans/february.plan.md');
      let list = await completeAt(c, 'plans/february.plan.md', text.replace('| service | O1 |', '| service | ‸ |'));
      assert.deepEqual(labels(list), ['O1', 'O2']);
      list = await completeAt(c, 'plans/february.plan.md', text.replace('| @maya | @tom | planned |', '| @maya | @tom | ‸ |'));
      assert.deepEqual(labels(list), ['idea', 'planned', 'draft', 'in-review', 'approved', 'scheduled', 'published', 'cancelled']);
      list = await completeAt(c, 'plans/february.plan.md', text.replace('| @maya | @tom |', '| @maya | ‸ |'));
      assert.deepEqual(labels(list), ['@maya', '@tom', '@lena']);
    });

    it('Markdown plan: front matter keys and values', async () => {
      const text = orig(c, 'plans/february.plan.md');
      let list = await completeAt(c, 'plans/february.plan.md', text.replace('stratdoc: plan\n', 'stratdoc: plan\n‸\n'));
      assert.deepEqual(labels(list), ['title', 'language', 'period']);
      list = await completeAt(c, 'plans/february.plan.md', text.replace('stratdoc: plan\n', 'stratdoc: plan\nlanguage: ‸\n'));
      assert.deepEqual(labels(list), ['de', 'en']);
    });

    it('Markdown strategy: ## offers the missing steps numbered like the document ("Step 2: Listening")', async () => {
      const list = await completeAt(c, 'draft/strategy.md', orig(c, 'draft/strategy.md') + '\n## ‸\n');
      assert.deepEqual(labels(list).slice(0, 5), ['Step 2: Listening', 'Step 5: Audiences', 'Step 6: Value', 'Step 7: Human face', 'Step 8: Channel plan']);
      assert.equal(find(list, 'Step 2: Listening').detail, 'Step 2 of 8');
    });

    it('Markdown strategy: the missing Key: fields of a goal, in English', async () => {
      const list = await completeAt(c, 'draft/strategy.md', orig(c, 'draft/strategy.md').replace('- KPIs: M1\n', '- KPIs: M1\n- ‸\n'));
      assert.deepEqual(labels(list), ['Primary', 'Description']);
    });

    it('Markdown strategy: section names in an explicit section comment, rule IDs in a disable comment', async () => {
      let list = await completeAt(
        c,
        'draft/strategy.md',
        orig(c, 'draft/strategy.md').replace('## Step 3: Goals\n', '## Step 3: Goals\n<!-- stratdoc: ‸ -->\n'),
      );
      assert.ok(labels(list).includes('goals') && labels(list).includes('crisis'));
      list = await completeAt(
        c,
        'draft/strategy.md',
        orig(c, 'draft/strategy.md').replace('## Step 3: Goals\n', '## Step 3: Goals\n<!-- stratdoc-disable-next-line mis‸ -->\n'),
      );
      assert.ok(labels(list).includes('missing-step'));
    });
  });
});

describe('completion: every position of every fixture document', function () {
  this.timeout(120000);

  it("answers without an error, with edits on the cursor's line around the cursor", () => {
    const base = path.join(REPO, 'test', 'fixtures');
    const dirs = new Set<string>();
    for (const f of listFiles(base)) {
      if (!/\.(md|ya?ml)$/.test(f)) continue;
      // The workspace is the fixture case: the folder below lsp/, rules/<rule>/ or cli/.
      const rel = path.relative(base, f).split(path.sep);
      dirs.add(path.join(base, ...rel.slice(0, Math.min(rel[0] === 'rules' ? 3 : 2, rel.length - 1))));
    }
    let calls = 0;
    let offered = 0;
    for (const dir of dirs) {
      const ws = loadWorkspace(dir);
      const ctx = { ws, lang: () => 'de' as const, today: () => '2027-02-15', findings: () => new Map() };
      for (const doc of ws.documents()) {
        for (let line = 0; line < doc.lines.lineCount; line++) {
          const text = doc.lines.lineText(line);
          const cols = new Set([0, text.length, Math.floor(text.length / 2), /^\s*/.exec(text)![0].length]);
          for (let i = 0; i < text.length; i++) if (/[:|@,#[{]/.test(text[i]) || (text[i] === ' ' && /[-:|,[{]/.test(text[i - 1] ?? ''))) cols.add(i + 1);
          for (const character of cols) {
            const where = `${path.relative(base, dir)} ${doc.uri.slice(doc.uri.lastIndexOf('/') + 1)}:${line}:${character}`;
            let list: CompletionItem[];
            try {
              list = completionAt(ctx, doc.uri, { line, character });
            } catch (e) {
              throw new Error(`${where}: ${e instanceof Error ? e.stack : String(e)}`);
            }
            calls++;
            offered += list.length ? 1 : 0;
            for (const item of list) {
              const e = edit(item);
              assert.ok(e.range.start.line === line && e.range.end.line === line, `${where}: ${item.label} edits its own line`);
              assert.ok(
                e.range.start.character <= character && character <= e.range.end.character,
                `${where}: ${item.label} range ${JSON.stringify(e.range)} holds the cursor`,
              );
              assert.ok(e.range.end.character <= text.length, `${where}: ${item.label} ends on the line`);
            }
          }
        }
      }
    }
    console.log(`      swept ${calls} positions, ${offered} offered something`);
    assert.ok(calls > 5000, `swept ${calls} positions`);
    assert.ok(offered > 500, `${offered} positions offered something`);
  });
});
