/**
 * The fast table reader (server/src/core/parse/mdtable.ts) against remark: the same model
 * (entries, items, positions, findings) on every fixture and example, read as plan and as
 * strategy, in the CLI's coarse cut and the server's fine cut; the same tables (rows,
 * cells, positions, alignment) and the same other blocks on the GFM spec's table examples
 * and on generated tables with escaped pipes, code spans, inline HTML, ragged rows,
 * emphasis, links, umlauts, CRLF and BOM.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { readChunk } from '../../server/src/core/parse/mdtable';
import { ChunkCache } from '../../server/src/core/parse/cache';
import { rng } from '../helpers/rng';
import { repoRoot } from '../helpers/repo';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const remark = (s: string) => processor.parse(s);

/** A tree without the inline content of table cells, paragraphs and headings (the fast reader leaves it out). */
function skeleton(root: Root): unknown {
  return JSON.parse(
    JSON.stringify(root, (k, v) => (v && typeof v === 'object' && /^(tableCell|paragraph|heading)$/.test(v.type) ? { ...v, children: [] } : v)),
  );
}

/** Whether `readChunk` gives remark's tree, and whether it took the fast path (a table with cells without children). */
function sameTree(text: string): boolean {
  let fast = false;
  const got = readChunk(text, (s) => {
    return remark(s);
  });
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'tableCell' && !n.children?.length && !/^\|? *\|? *$/.test(text)) fast = true;
    for (const c of (n.children ?? []) as { type: string }[]) walk(c);
  };
  walk(got);
  assert.deepEqual(skeleton(got), skeleton(remark(text)), `tree differs for:\n${text}`);
  return fast;
}

function sameModel(uri: string, text: string): void {
  for (const kind of ['plan', 'strategy'] as const) {
    const coarse = parseMarkdown(uri, text, kind, 'marker', { remarkOnly: true });
    assert.deepEqual(parseMarkdown(uri, text, kind, 'marker'), coarse, `${uri} read as ${kind} differs`);
    const fine = parseMarkdown(uri, text, kind, 'marker', { fine: true, remarkOnly: true });
    assert.deepEqual(parseMarkdown(uri, text, kind, 'marker', { fine: true }), fine, `${uri} read as ${kind} (fine cut) differs`);
    // The server's way: the fine cut with a cache, read twice (the second from the cache).
    const cache = new ChunkCache();
    for (let i = 0; i < 2; i++) {
      const c = cache.open(uri);
      const fast = parseMarkdown(uri, text, kind, 'marker', { cache: c });
      c.commit();
      assert.deepEqual(fast, fine, `${uri} read as ${kind} with a cache (${i}) differs`);
    }
  }
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(md|markdown)$/i.test(e.name)) out.push(p);
  }
  return out;
}

/** The GFM spec's table examples (section 4.10, examples 198–205). */
const GFM_SPEC = [
  '| foo | bar |\n| --- | --- |\n| baz | bim |',
  '| abc | defghi |\n:-: | -----------:\nbar | baz',
  '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |',
  '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar',
  '| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar',
  '| abc | def |\n| --- |\n| bar |',
  '| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |',
  '| abc | def |\n| --- | --- |',
];

const WORDS = [
  'Instagram',
  'LinkedIn',
  'Bäckerei',
  'Öffnungszeiten',
  'Grüße',
  '2027-03-01',
  '05.01.',
  'KW 3',
  '@anna',
  'G1, G2',
  'Reel',
  'geplant',
  'in Freigabe',
  '✓',
  'n/a',
  'a\\|b',
  '`x|y`',
  '`code`',
  '<br>',
  '<b>fett</b>',
  '**fett**',
  '_kursiv_',
  '~~alt~~',
  '[Link](https://example.com/a?utm_source=x)',
  '<https://example.com>',
  'https://example.com',
  '&amp;',
  '\\\\',
  '\\*',
  '',
  '  ',
  '- x',
  '1. x',
  '#tag',
  '> q',
  '€ 1.200',
  'Ä|Ö',
  '<!-- note -->',
];
const STARTS = ['', '', '', ' ', '  ', '   ', '    ', '\t'];

/** A random table (or table-like lines) with some prose around it. */
function genTable(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const cols = 1 + Math.floor(r() * 5);
  const lead = r() < 0.8;
  const trail = r() < 0.7;
  const line = (cells: string[]) =>
    `${r() < 0.1 ? pick(STARTS) : ''}${lead ? '|' : ''}${cells.map((c) => (r() < 0.5 ? ` ${c} ` : c)).join('|')}${trail ? '|' : ''}${r() < 0.1 ? pick([' ', '  ', '\t', ' \t']) : ''}`;
  const head = Array.from({ length: cols }, () => pick(['Datum', 'Kanal', 'Thema', 'Status', 'Verantwortlich', 'Date', 'Channel', 'Title', 'Owner', 'Ziel']));
  const delim = Array.from({ length: r() < 0.05 ? cols + 1 : cols }, () => pick(['---', ':--', '--:', ':-:', '-', ' --- ']));
  const rows: string[] = [line(head), line(delim)];
  const n = Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const k = r() < 0.2 ? Math.max(1, cols + Math.floor(r() * 5) - 2) : cols;
    const x = r();
    if (x < 0.03) rows.push('');
    else if (x < 0.05)
      rows.push(
        pick(['> quote', '- item', '1. item', '```', '## H', '### Woche 2', '<div>', '---', 'plain words', '[x]: https://e.com', '    indented', '* * *']),
      );
    else rows.push(line(Array.from({ length: k }, () => Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(WORDS)).join(' '))));
  }
  const before = pick([
    '',
    '',
    'Text davor.\n\n',
    'Text davor.\n',
    '# Redaktionsplan\n\n',
    '## Januar\n',
    '```\n| a |\n|---|\n```\n\n',
    '<!--\n\n| a |\n|---|\n-->\n\n',
    '- Liste\n\n',
    '> Zitat\n\n',
    '---\ntitle: x\n---\n\n',
  ]);
  const after = pick(['', '', '\n\nText danach.', '\n### Woche 2\n', '\n\n| x | y |\n|---|---|\n| 1 | 2 |', '\n\n[ref]: https://example.com']);
  return before + rows.join('\n') + after;
}

const PROSE = [
  'Wir beobachten Thema 1 auf allen Kanälen.',
  'Die Kundschaft fragt nach Preisen.\nUnd nach Service.',
  'Absatz mit **fett** und `code` und <b>HTML</b>.',
  '2027 wird gut.',
  '1. Erster Punkt\n2. Zweiter',
  '- Art: Abverkauf\n- Primär: ja',
  '- a\n\n- b',
  '- eins\n* zwei',
  '+ plus',
  '- [ ] Aufgabe\n- [x] erledigt',
  '- Leerzeichen  ',
  '-  zwei Spaces',
  '- Punkt\n  - verschachtelt',
  '- Punkt\n# Titel',
  '- Punkt\nText lazy',
  '- Ziele: G1, G2\n- Kennzahlen: K1',
  '- Liste\n\n  weiter im Punkt',
  '- Punkt\nlazy weiter',
  '* Stern',
  '> Zitat\nlazy',
  '```\ncode\n\n# kein Titel\n```',
  '~~~\nx\n',
  '<div>\nHTML\n</div>',
  '<!--\nKommentar\n\nText\n-->',
  '<!-- stratdoc: goals -->',
  'Titel\n=====',
  'Titel\n---',
  '---',
  '***',
  '    eingerückt',
  '\tTab',
  'Text\twith tab',
  '# Titel',
  '## Abschnitt',
  '### G1: Ziel',
  '#### Tief #',
  '#Kein Titel',
  '####### sieben',
  'Text\n# Titel direkt',
  'Zeile mit | Pipe',
  // Table rows a blank line cut off their table (Enter at a row's end): a paragraph, unless a delimiter row follows.
  '| 01.01.2027 | linkedin | post | Wie alles begann |  | G3 |\n| 02.01.2027 | instagram | reel | https://org.example/x | @anna |',
  '| nur eine Zeile |',
  '| a | b |  \n|',
  '| a |\n| --- |\n| b |',
  '| a | b |\n|-|-|',
  'Text davor\n| a | b |\n| c | d |',
  'Text davor\n| a |\n|---|\n| b |',
  '| a | b |\n- Punkt',
  '| a | b |\n# Titel',
  '| a | b |\n---',
  '| a | b |\n===',
  '| a | b |\n> Zitat',
  '| a\t| b |',
  '|a|b|\nText lazy',
  'a | b\n--|--\nc | d',
  '[ref]: https://example.com',
  'Text mit [Link](https://example.com).',
  '@anna schreibt.',
  'Ärger über Öl.',
  '  zwei Spaces',
  'Text  \nhart umbrochen',
  'x\\',
  '',
];

/** A random prose document: headings, paragraphs, lists, quotes, fences, HTML and odd lines. */
function genProse(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const parts: string[] = [];
  if (r() < 0.2) parts.push('---\nstratdoc: strategy\n\ntitle: x\n---');
  const n = 1 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) parts.push(pick(PROSE) + pick(['\n\n', '\n\n', '\n', '\n\n\n']));
  return parts.join('');
}

describe('core: fast Markdown table reader (differential against remark)', () => {
  it("gives remark's tables on the GFM spec's table examples", () => {
    for (const ex of GFM_SPEC) sameTree(ex);
    // And takes the fast path on the plain ones.
    assert.equal(sameTree(GFM_SPEC[0]), true);
    assert.equal(sameTree(GFM_SPEC[2]), true);
  });

  it("gives remark's tree on 1,000 generated tables (escaped pipes, code spans, HTML, ragged rows, prose around) @slow", function () {
    this.timeout(120_000);
    const r = rng(15);
    let fast = 0;
    for (let i = 0; i < 1000; i++) if (sameTree(genTable(r))) fast++;
    // Most of them take the fast path (a test that the fast path is tested at all).
    assert.ok(fast > 400, `only ${fast} of 1000 generated tables took the fast path`);
  });

  it("gives remark's tree on 1,500 generated prose documents (headings, paragraphs, lists, fences, HTML, odd lines) @slow", function () {
    this.timeout(120_000);
    const r = rng(151);
    let fast = 0;
    let lists = 0;
    for (let i = 0; i < 1500; i++) {
      const text = genProse(r);
      sameTree(text);
      const got = readChunk(text, remark).children;
      if (got.some((c) => c.type === 'paragraph' && !c.children.length)) fast++;
      if (
        got.some(
          (c) =>
            c.type === 'list' && c.children[0].children[0]?.type === 'paragraph' && !(c.children[0].children[0] as { children: unknown[] }).children.length,
        )
      )
        lists++;
    }
    assert.ok(fast > 300, `only ${fast} of 1500 generated documents took the fast path`);
    assert.ok(lists > 100, `only ${lists} of 1500 generated documents had a list on the fast path`);
  });

  it("gives remark's model on every fixture and example, as plan and as strategy, coarse and fine cut, with and without a cache @slow", function () {
    this.timeout(180_000);
    const root = repoRoot();
    const files = [...markdownFiles(path.join(root, 'test/fixtures')), ...markdownFiles(path.join(root, 'examples'))];
    assert.ok(files.length > 100);
    for (const f of files) sameModel(`file://${f}`, fs.readFileSync(f, 'utf8'));
  });

  it("gives remark's model on generated plans with CRLF, BOM, umlauts and messy rows @slow", function () {
    this.timeout(120_000);
    const r = rng(1515);
    for (let i = 0; i < 60; i++) {
      const parts = ['---\nstratdoc: plan\nperiod: 2027-Q1\n---\n\n# Redaktionsplan Bäckerei Müller\n'];
      for (let t = 0; t < 1 + Math.floor(r() * 4); t++) parts.push(`\n## ${['Januar', 'Februar', 'März'][t % 3]}\n\n${genTable(r)}\n`);
      let text = parts.join('');
      if (r() < 0.3) text = text.replace(/\n/g, '\r\n');
      if (r() < 0.2) text = `\uFEFF${text}`;
      sameModel(`file:///gen/plan${i}.md`, text);
    }
  });

  it('reads a plan table in the fast path with the rows and cells remark gives', () => {
    const text = '| Datum | Kanal | Thema |\n|---|:-:|--:|\n| 05.01. | Instagram | Sauerteig \\| Brot |\n2027-01-07 | `a|b` | <br>\n| 1 |';
    assert.equal(sameTree(text), true);
    const t = readChunk(text, remark).children[0];
    assert.equal(t.type, 'table');
    if (t.type === 'table') {
      assert.deepEqual(t.align, [null, 'center', 'right']);
      assert.deepEqual(
        t.children.map((row) => row.children.length),
        [3, 3, 4, 1],
      );
    }
  });
});
