/**
 * One differential case per cache the Workspace owns (docs/decisions.md "State and its
 * invalidation", the table): a long-lived Workspace with every cache on takes a sequence
 * of texts, and after each step its findings (and the model) must be those of a fresh
 * Workspace given the same texts. Each case makes an edit the cache's key must notice and
 * asserts that the edit changed the answer, so a cache that kept a stale value fails here.
 */
import * as assert from 'node:assert/strict';
import { ConfigResolver, type ConfigHost } from '../../server/src/core/config';
import type { Finding } from '../../server/src/core/engine';
import { Workspace } from '../../server/src/core/workspace';
import { SPLIT_MIN_LENGTH } from '../../server/src/core/parse/yaml';
import { FINE_MIN_LINES } from '../../server/src/core/parse/markdown-chunks';
import { STRATEGY_HEAD, STRATEGY_TAIL, planRow } from '../robustness/docs';

const NO_CONFIG: ConfigHost = { readFile: () => undefined };

/** A finding as text: where, which rule, what it says, what its fixes write. */
function line(f: Finding): string {
  const r = f.range;
  return `${f.uri} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${f.rule} ${f.message.en} ${JSON.stringify(f.fixes ?? null)}`;
}

function answer(ws: Workspace, today: string): string[] {
  const out: string[] = [];
  for (const list of ws.check(today).values()) for (const f of list) out.push(line(f));
  for (const s of ws.skippedFiles()) out.push(`${s.uri} skipped ${s.message.en}`);
  return out.sort();
}

/** What the model says of each document: entries with their values and lines, a strategy's items. */
function model(ws: Workspace): string {
  const docs = [...ws.documents()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  return JSON.stringify(
    docs.map((d) => ({
      uri: d.uri,
      kind: d.kind,
      entries: d.plan?.entries.map((e) => [e.range.start.line, e.date?.value, e.channel?.id, e.title?.value, e.goals.map((g) => g.id)]),
      strategy: d.strategy,
      project: ws.projectOf(d.uri)?.documents.map((x) => x.uri),
    })),
    (k, v) => (k === 'offset' ? undefined : v),
  );
}

/**
 * A long-lived Workspace (caches on, as the server keeps it) and the texts it was given;
 * `same()` compares it with a fresh Workspace (no cache) made from those texts.
 */
class LongLived {
  readonly ws: Workspace;
  private readonly texts = new Map<string, string>();
  constructor(private readonly host: ConfigHost = NO_CONFIG) {
    this.ws = new Workspace(new ConfigResolver(host), { cache: true });
  }
  set(uri: string, text: string): this {
    this.texts.set(uri, text);
    this.ws.set(uri, text);
    return this;
  }
  remove(uri: string): this {
    this.texts.delete(uri);
    this.ws.remove(uri);
    return this;
  }
  fresh(): Workspace {
    const ws = new Workspace(new ConfigResolver(this.host), { cache: false });
    for (const [u, t] of this.texts) ws.set(u, t);
    return ws;
  }
  /** Asserts the long-lived answer is the fresh one; returns it. */
  same(today: string): string[] {
    const got = answer(this.ws, today);
    const fresh = this.fresh();
    assert.deepEqual(got, answer(fresh, today));
    assert.equal(model(this.ws), model(fresh));
    return got;
  }
}

const W = 'file:///w/';
const S_YAML = `${W}strategy.yaml`;
const P_YAML = `${W}q1.plan.yaml`;
const S_MD = `${W}strategie.md`;
const P_MD = `${W}q1.plan.md`;

const STRATEGY = (goals = ['G1'], extra = '') =>
  [
    'stratdoc: strategy',
    'title: Strategie',
    'language: de',
    'period: 2027-01-01..2027-12-31',
    'goals:',
    ...goals.map((g, i) => `  - { id: ${g}, title: Ziel ${g}, type: conversion, primary: ${i === 0} }`),
    'channels:',
    `  - { id: instagram, goals: [${goals.join(', ')}] }`,
    extra,
  ].join('\n');

const yamlEntry = (i: number, goal = 'G1', status = 'geplant') =>
  `  - datum: 2027-03-${String(10 + (i % 20)).padStart(2, '0')}\n    kanal: instagram\n    titel: Beitrag ${i}\n    ziel: ${goal}\n    status: ${status}\n`;

const PLAN = (entries: string[], head = 'period: 2027-01-01..2027-12-31') =>
  ['stratdoc: plan', 'strategy: strategy.yaml', head, 'entries:', ...entries].join('\n');

const TODAY = '2027-02-15';

describe('every cache of the Workspace: a long-lived Workspace answers what a fresh one does @slow', () => {
  it("the project findings (key: the project's readings and today): a new day and an edited strategy are checked again", () => {
    const s = new LongLived().set(S_YAML, STRATEGY()).set(P_YAML, PLAN([0, 1, 2].map((i) => yamlEntry(i))));
    const early = s.same(TODAY);
    // The entries of March are past and still planned in May: the answer must change with the day alone.
    const late = s.same('2027-05-20');
    assert.notDeepEqual(late, early, 'the day changes the findings');
    assert.deepEqual(s.same(TODAY), early, 'and back');
    // The strategy loses G1: the plan (unchanged) must be checked again.
    s.set(S_YAML, STRATEGY(['G2']));
    assert.notDeepEqual(s.same(TODAY), early, "the strategy changes the plan's findings");
  });

  it('the projects (rebuilt when a document comes, goes, changes its kind or its link; else the reading swapped in)', () => {
    const other = `${W}b/strategy.yaml`;
    const s = new LongLived()
      .set(S_YAML, STRATEGY())
      .set(other, STRATEGY(['G7']))
      .set(P_YAML, PLAN([yamlEntry(0)]));
    const linked = s.same(TODAY);
    // The link changes: the plan now belongs to the other strategy, where G1 is unknown.
    s.set(P_YAML, PLAN([yamlEntry(0)]).replace('strategy: strategy.yaml', 'strategy: b/strategy.yaml'));
    assert.notDeepEqual(s.same(TODAY), linked);
    // Back, then the strategy stops being one (marker typed away) and comes back.
    s.set(P_YAML, PLAN([yamlEntry(0)]));
    assert.deepEqual(s.same(TODAY), linked);
    s.set(S_YAML, STRATEGY().replace('stratdoc: strategy', 'stratdoc: strategie-entwurf'));
    assert.notDeepEqual(s.same(TODAY), linked);
    s.set(S_YAML, STRATEGY());
    assert.deepEqual(s.same(TODAY), linked);
    // Removed and added again.
    s.remove(S_YAML);
    assert.notDeepEqual(s.same(TODAY), linked);
    s.set(S_YAML, STRATEGY());
    assert.deepEqual(s.same(TODAY), linked);
    // Found by folder: a second strategy in the same folder makes the link ambiguous.
    const byFolder = PLAN([yamlEntry(0)]).replace('strategy: strategy.yaml\n', '');
    s.set(P_YAML, byFolder);
    const one = s.same(TODAY);
    s.set(`${W}zweite.strategy.yaml`, STRATEGY(['G1']));
    assert.notDeepEqual(s.same(TODAY), one, 'two strategies in the folder: the plan is linked to none');
  });

  it('the per-entry rule memo (key: today, options, period, language, strategy path and link, the strategy reading; per entry object)', () => {
    const entries = Array.from({ length: 200 }, (_, i) => yamlEntry(i, i % 3 ? 'G1' : 'G2'));
    assert.ok(PLAN(entries).length > SPLIT_MIN_LENGTH, 'long enough to be read in pieces');
    const s = new LongLived().set(S_YAML, STRATEGY(['G1'])).set(P_YAML, PLAN(entries));
    const without = s.same(TODAY);
    // The strategy (not the plan) gains G2: entries naming it are fine now.
    s.set(S_YAML, STRATEGY(['G1', 'G2']));
    const withG2 = s.same(TODAY);
    assert.notDeepEqual(withG2, without);
    // The plan's period shrinks to January: its March entries lie outside.
    s.set(P_YAML, PLAN(entries, 'period: 2027-01-01..2027-01-31'));
    assert.notDeepEqual(s.same(TODAY), withG2);
    s.set(P_YAML, PLAN(entries));
    assert.deepEqual(s.same(TODAY), withG2);
    // An entry typed in the middle (the entries below move down), then one title edited in
    // place: the memo answers for the entries it has seen, at their new places.
    const more = [...entries.slice(0, 10), yamlEntry(99, 'G3'), ...entries.slice(10)];
    s.set(P_YAML, PLAN(more));
    const moved = s.same(TODAY);
    assert.notDeepEqual(moved, withG2);
    s.ws.memo!.rechecked = 0;
    s.set(P_YAML, PLAN(more).replace('titel: Beitrag 25\n', 'titel: Beitrag 25 (neu)\n'));
    s.same(TODAY);
    const perRule = s.ws.memo!.rechecked;
    assert.ok(perRule > 0 && perRule < more.length, `only the edited entry is checked again (${perRule} entry runs)`);
  });

  it("the derived store: a strategy's budget and an entry's goals under the strategy reading, the key style under the whole plan", () => {
    const s = new LongLived().set(S_YAML, STRATEGY()).set(P_YAML, PLAN([yamlEntry(0), yamlEntry(1)]));
    const plain = s.same(TODAY);
    s.set(S_YAML, STRATEGY(['G1'], 'budget: 12.000 € pro Jahr\n'));
    const budget = s.same(TODAY);
    s.set(S_YAML, STRATEGY(['G1'], 'budget: 6 h pro Woche\n'));
    s.same(TODAY);
    s.set(S_YAML, STRATEGY());
    assert.deepEqual(s.same(TODAY), plain);
    void budget;
    // How the plan writes its keys flips from German to English but for one entry: a fix
    // after that must write the English key (the style is read from the whole new plan).
    const english = (i: number) => `  - date: 2027-03-1${i}\n    channel: instagram\n    title: Post ${i}\n    status: planned\n`;
    const noGoal = '  - datum: 2027-04-01\n    kanal: instagram\n    titel: Ohne Ziel\n';
    const fixWrites = (answer: string[], key: string) =>
      answer.some((l) => l.includes(' entry-without-goal ') && new RegExp(`"newText":"[^"]*\\b${key}: `).test(l));
    s.set(P_YAML, PLAN([yamlEntry(0), yamlEntry(1), yamlEntry(2), noGoal]));
    const german = s.same(TODAY);
    assert.ok(fixWrites(german, 'ziel') && !fixWrites(german, 'goal'), german.join('\n'));
    s.set(P_YAML, PLAN([english(0), english(1), english(2), '  - date: 2027-04-01\n    channel: instagram\n    title: Ohne Ziel\n']));
    const flipped = s.same(TODAY);
    assert.ok(fixWrites(flipped, 'goal') && !fixWrites(flipped, 'ziel'), flipped.join('\n'));
  });

  it('the chunk cache: Markdown chunks by text, entries by chunk text and place, a strategy table under its node and section', () => {
    const PLAN_HEAD = '---\nstratdoc: plan\nstrategy: strategie.md\nperiod: 2027-01-01..2027-03-31\n---\n# Redaktionsplan Q1\n\n';
    const header = '| Datum | Kanal | Format | Thema | Modus | Ziel | Verantwortlich | Freigabe | Status |\n|---|---|---|---|---|---|---|---|---|\n';
    const rows = (from: number, n: number, goal = 'G1') => Array.from({ length: n }, (_, i) => planRow(from + i).replace('| G1 |', `| ${goal} |`)).join('');
    const twoTables = (a: string, b: string) => `${PLAN_HEAD}## Januar\n\n${header}${a}\n## Februar\n\n${header}${b}`;
    const strategy = STRATEGY_HEAD + STRATEGY_TAIL;
    const s = new LongLived().set(S_MD, strategy).set(P_MD, twoTables(rows(0, 8), rows(30, 8, 'G9')));
    const first = s.same(TODAY);
    // The two sections swap places: the same chunk texts at other lines.
    s.set(P_MD, twoTables(rows(30, 8, 'G9'), rows(0, 8)));
    const swapped = s.same(TODAY);
    assert.notDeepEqual(swapped, first, 'the findings moved with their rows');
    // Lines typed above everything: every chunk keeps its text and its entries' numbers, at other lines.
    s.set(P_MD, twoTables(rows(30, 8, 'G9'), rows(0, 8)).replace('# Redaktionsplan Q1\n', '# Redaktionsplan Q1\n\nNotizen.\n\n'));
    assert.notDeepEqual(s.same(TODAY), swapped, 'the findings moved down');
    // A row written twice (the same text at two places), and lines typed above everything.
    s.set(P_MD, twoTables(rows(0, 8) + rows(7, 1), rows(30, 8, 'G9')).replace('# Redaktionsplan Q1\n', '# Redaktionsplan Q1\n\nNotizen.\n\n'));
    const twice = s.same(TODAY);
    assert.notDeepEqual(twice, first);
    // A plan's chunks are kept without their tables (their entries are kept with the
    // chunk's text and place): a chunk whose entries are built anew is parsed again. A
    // row made a cross-post (one entry more: every later chunk's entries are numbered
    // anew) and back, and the plan's language changed (every chunk's entries read anew).
    assert.ok(s.ws.cache!.keptNodes(S_MD, 'table') > 0, "a strategy's are (its walker reads them)");
    assert.ok(s.ws.cache!.keptNodes(P_MD, 'heading') > 0);
    assert.equal(s.ws.cache!.keptNodes(P_MD, 'table'), 0, "a plan's table trees are not kept");
    const crossed = twoTables(rows(0, 8).replace('| instagram |', '| instagram, facebook |'), rows(30, 8, 'G9'));
    s.set(P_MD, crossed);
    assert.notDeepEqual(s.same(TODAY), twice);
    s.set(P_MD, crossed.replace('period: 2027', 'language: en\nperiod: 2027'));
    s.same(TODAY);
    s.set(P_MD, twoTables(rows(0, 8), rows(30, 8, 'G9')));
    assert.deepEqual(s.same(TODAY), first);
    // The strategy read as a plan (its marker changed) and back: its chunks, kept by the
    // plan's reading without their tables, are parsed again for the strategy's walker.
    const strategyModel = model(s.ws);
    s.set(S_MD, strategy.replace('stratdoc: strategy', 'stratdoc: plan'));
    s.same(TODAY);
    assert.notEqual(model(s.ws), strategyModel);
    s.set(S_MD, strategy);
    s.same(TODAY);
    assert.equal(model(s.ws), strategyModel, "the strategy's tables are read again");
    // The strategy's KPI table stays as written, the heading above it changes: the same table
    // node, read for another section (the cached items must not be KPIs any more).
    // The heading is cut from the table (the server's fine cut: a blank line after six
    // lines), so the table's chunk text, and its parsed node, stay the same.
    const notes = Array.from({ length: FINE_MIN_LINES }, (_, i) => `Notiz ${i + 1} zu den Kennzahlen.`).join('\n');
    const cut = strategy.replace('## 4. Kennzahlen\n', `## 4. Kennzahlen\n\n${notes}\n\n`);
    s.set(S_MD, cut);
    s.same(TODAY);
    const kpis = model(s.ws);
    s.set(S_MD, cut.replace('## 4. Kennzahlen', '## 4. Zielgruppen'));
    s.same(TODAY);
    assert.notEqual(model(s.ws), kpis, 'the table is read as another section');
    s.set(S_MD, cut);
    s.same(TODAY);
    assert.equal(model(s.ws), kpis);
  });

  it('the chunk cache: a YAML plan read in pieces, through a syntax error and back, and an entry indented into the one above', () => {
    const entries = Array.from({ length: 200 }, (_, i) => yamlEntry(i, i === 20 ? 'G9' : 'G1'));
    const text = PLAN(entries);
    assert.ok(text.length > SPLIT_MIN_LENGTH, 'long enough to be read in pieces');
    const s = new LongLived().set(S_YAML, STRATEGY()).set(P_YAML, text);
    const first = s.same(TODAY);
    s.set(P_YAML, text.replace('titel: Beitrag 20\n', 'titel: Beitrag: 20\n'));
    assert.notDeepEqual(s.same(TODAY), first, 'a syntax error is a finding');
    s.set(P_YAML, text);
    assert.deepEqual(s.same(TODAY), first);
    // A line added in the middle: the pieces after it are the same texts at other lines.
    s.set(
      P_YAML,
      text
        .replace('titel: Beitrag 100\n', 'titel: Beitrag 100\n    # Notiz: Foto fehlt\n')
        .replace(
          'ziel: G1\n    status: geplant\n  - datum: 2027-03-29\n    kanal: instagram\n    titel: Beitrag 199',
          'ziel: G9\n    status: geplant\n  - datum: 2027-03-29\n    kanal: instagram\n    titel: Beitrag 199',
        ),
    );
    const below = s.same(TODAY);
    assert.notDeepEqual(below, first);
    // Entry 21 indented under entry 20's title: two entries become one.
    const e21 = yamlEntry(21);
    s.set(P_YAML, text.replace(e21, e21.replace(/^ {2}- /, '      ').replace(/\n {4}/g, '\n        ')));
    assert.notDeepEqual(s.same(TODAY), first);
    // The plan's language changes under unchanged pieces (status words are read by language).
    s.set(P_YAML, text.replace('period:', 'language: en\nperiod:'));
    s.same(TODAY);
  });

  // Found by this file: a quote left open in one entry runs to the end of the file when the
  // plan is read whole (the CLI, a fresh Workspace); read in pieces it ended at the next
  // entry. Such a piece now makes the reader read the whole text (docs/decisions.md
  // "Reading in pieces").
  it('the chunk cache: a quote left open in a YAML plan read in pieces means what it means read whole', () => {
    const text = PLAN(Array.from({ length: 200 }, (_, i) => yamlEntry(i)));
    const s = new LongLived().set(S_YAML, STRATEGY()).set(P_YAML, text);
    s.same(TODAY);
    s.set(P_YAML, text.replace('titel: Beitrag 20\n', 'titel: "Beitrag 20\n'));
    s.same(TODAY);
  });

  it('the compiled globs (key: the pattern list): two folders with different excludes in one Workspace', () => {
    const configs: Record<string, string> = {
      'file:///w/a/.stratdoc.yaml': 'exclude: ["*.tmp", "entwurf/**"]\n',
      'file:///w/b/.stratdoc.yaml': 'exclude: ["*.tmp", "archiv/**"]\n',
    };
    const host: ConfigHost = { readFile: (u) => configs[u] };
    const s = new LongLived(host);
    for (const f of ['a', 'b']) {
      s.set(`file:///w/${f}/strategy.yaml`, STRATEGY());
      for (const sub of ['entwurf', 'archiv'])
        s.set(`file:///w/${f}/${sub}/q1.plan.yaml`, PLAN([yamlEntry(0, 'G9')]).replace('strategy.yaml', '../strategy.yaml'));
    }
    const got = s.same(TODAY);
    // Each folder excludes its own subfolder only: one plan of each folder is checked.
    const planned = new Set(got.filter((l) => l.includes('G9')).map((l) => l.split(' ')[0]));
    assert.deepEqual([...planned].sort(), ['file:///w/a/archiv/q1.plan.yaml', 'file:///w/b/entwurf/q1.plan.yaml']);
  });

  it('the skipped and unmarked files: a file too large, then small; a plan without marker, then with', () => {
    const host: ConfigHost = { readFile: (u) => (u === 'file:///w/.stratdoc.yaml' ? 'maxFileSize: 2000\n' : undefined) };
    const s = new LongLived(host).set(S_YAML, STRATEGY());
    const big = PLAN(Array.from({ length: 40 }, (_, i) => yamlEntry(i)));
    s.set(P_YAML, big);
    const skipped = s.same(TODAY);
    assert.ok(skipped.some((l) => l.includes('skipped')) || skipped.some((l) => l.includes(P_YAML)), skipped.join('\n'));
    s.set(P_YAML, PLAN([yamlEntry(0, 'G9')]));
    const small = s.same(TODAY);
    assert.notDeepEqual(small, skipped);
    const loose = `${W}redaktionsplan.yaml`;
    s.set(loose, PLAN([yamlEntry(0)]).replace('stratdoc: plan\n', ''));
    const unmarked = s.same(TODAY);
    s.set(loose, PLAN([yamlEntry(0)]));
    assert.notDeepEqual(s.same(TODAY), unmarked);
  });
});
