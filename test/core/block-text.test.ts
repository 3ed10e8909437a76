/**
 * The server's text in blocks (core/text.ts BlockText, docs/decisions.md "What a keystroke
 * costs"): every read and every edit must give what the same read or edit of the string
 * gives, at block edges too, and the line index read through it the line starts a fresh
 * index of the string finds.
 */
import * as assert from 'node:assert/strict';
import { BlockText, LineIndex, flat, sameText } from '../../server/src/core/text';
import { normalizeLoneCr } from '../../server/src/core/parse';
import { rng } from '../helpers/rng';

/** A text of many blocks: `n` lines of YAML-like entries, German and English, some with emoji. */
function bigText(n: number, eol = '\n'): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(i % 7 === 3 ? `  - title: "Beitrag ${i}: Ökostrom 🌱 im Alltag"` : `    owner: anna # Zeile ${i}`);
  }
  return lines.join(eol) + eol;
}

/** Every read of `b` gives what the same read of `s` gives, at offsets around each block edge and at random. */
function assertReadsLike(b: BlockText, s: string, what: string): void {
  assert.equal(b.length, s.length, `${what}: length`);
  const edges = new Set<number>([0, 1, s.length - 1, s.length, s.length + 1, -1]);
  for (const start of b.starts) for (let d = -3; d <= 3; d++) edges.add(start + d);
  for (const i of edges) {
    assert.equal(b.charCodeAt(i), s.charCodeAt(i), `${what}: charCodeAt(${i})`);
    assert.equal(b.charAt(i), s.charAt(i), `${what}: charAt(${i})`);
    for (const w of [0, 1, 2, 5, 40]) assert.equal(b.slice(i, i + w), s.slice(i, i + w), `${what}: slice(${i}, ${i + w})`);
    for (const needle of ['\n', '\r\n', 'owner', '🌱', '\n  - ', 'nirgends']) {
      assert.equal(b.indexOf(needle, i), s.indexOf(needle, i), `${what}: indexOf(${JSON.stringify(needle)}, ${i})`);
      assert.equal(b.lastIndexOf(needle, i), s.lastIndexOf(needle, i), `${what}: lastIndexOf(${JSON.stringify(needle)}, ${i})`);
    }
  }
  assert.equal(b.slice(), s, `${what}: slice()`);
  assert.equal(b.slice(-10), s.slice(-10), `${what}: slice(-10)`);
  assert.equal(b.indexOf('owner'), s.indexOf('owner'), `${what}: indexOf without from`);
  assert.equal(b.lastIndexOf('owner'), s.lastIndexOf('owner'), `${what}: lastIndexOf without from`);
  // Every block but the last ends with an LF: no line, CRLF or surrogate pair is cut.
  for (let k = 0; k + 1 < b.blocks.length; k++) assert.equal(b.blocks[k].at(-1), '\n', `${what}: block ${k} ends a line`);
}

/** The line index of a text in blocks, read through it, as a fresh index of the string. */
function assertLinesLike(lines: LineIndex, s: string, what: string): void {
  const fresh = new LineIndex(s);
  assert.deepEqual(lines.lineStarts, fresh.lineStarts, `${what}: line starts`);
  for (let l = 0; l < fresh.lineCount; l += Math.max(1, fresh.lineCount >> 6)) {
    assert.equal(lines.lineEnd(l), fresh.lineEnd(l), `${what}: end of line ${l}`);
    assert.equal(lines.lineText(l), fresh.lineText(l), `${what}: text of line ${l}`);
  }
}

describe('core: a text in blocks (BlockText)', () => {
  it('reads as the string it holds, at every block edge, with surrogate pairs and CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const s = bigText(3000, eol);
      const b = BlockText.of(s);
      assert.ok(b.blocks.length > 4, 'the text is held in several blocks');
      assert.equal(b.toString(), s, 'made from a string, it is that string (no copy)');
      // A text made by an edit has not been joined: its reads go through the blocks.
      const e = b.edit(0, 0, '');
      assert.equal(e.flatIfMade, undefined, 'an edit joins nothing');
      assertReadsLike(e, s, `blocks, ${JSON.stringify(eol)}`);
      // Blocks of their own (the session's held text): the same blocks, read the same way.
      const own = BlockText.of(s, true);
      assert.deepEqual(own.blocks, b.blocks);
      assert.equal(own.toString(), s);
      assertReadsLike(own.edit(0, 0, ''), s, `own blocks, ${JSON.stringify(eol)}`);
    }
  });

  it('gives the string edit for edits at, across and between block edges, and shares untouched blocks', () => {
    const s0 = bigText(2500);
    let s = s0;
    let b = BlockText.of(s);
    const edges = b.starts.slice(1, -1);
    const edits: [number, number, string][] = [
      [edges[0], edges[0], 'x'], // at a block's start
      [edges[0] - 1, edges[0], ''], // the LF that ends a block
      [edges[1] - 1, edges[1] + 1, '\r\n'], // across an edge, a CRLF in
      [edges[2] - 2, edges[2] + 3, 'ä🌱\n  - '], // across an edge, a surrogate pair and a line in
      [edges[1], edges[3], ''], // whole blocks removed
      [0, 0, '# Kopf\n'], // at the start
      [s.length, s.length, 'tail without a break'], // at the end, no break after
    ];
    for (const [a, z, ins] of edits) {
      const was = b;
      const za = Math.min(z, s.length);
      const aa = Math.min(a, za);
      b = b.edit(aa, za, ins);
      s = s.slice(0, aa) + ins + s.slice(za);
      assertReadsLike(b, s, `edit [${aa}, ${za}) ${JSON.stringify(ins)}`);
      // Blocks before the edit are the same strings.
      const firstTouched = was.starts.findIndex((st, k) => k + 1 < was.starts.length && was.starts[k + 1] > aa);
      for (let k = 0; k < firstTouched; k++) assert.equal(b.blocks[k], was.blocks[k], `block ${k} before the edit is shared`);
    }
    assert.equal(b.toString(), s);
  });

  it('cuts a block that grew past two blocks again, and reads an empty text and a whole replacement', () => {
    const s = bigText(2000);
    const b = BlockText.of(s);
    const paste = bigText(4000, '\n');
    const grown = b.edit(100, 100, paste);
    const expect = s.slice(0, 100) + paste + s.slice(100);
    assertReadsLike(grown, expect, 'a long paste');
    assert.ok(Math.max(...grown.blocks.map((x) => x.length)) < 3 * 16 * 1024, 'no block holds the whole paste');
    const empty = BlockText.of('');
    assert.equal(empty.length, 0);
    assert.equal(empty.slice(0, 5), '');
    assert.equal(empty.indexOf('a'), -1);
    assert.equal(empty.lastIndexOf('a'), -1);
    assert.ok(Number.isNaN(empty.charCodeAt(0)));
    const typed = empty.edit(0, 0, 'stratdoc: plan\n');
    assert.equal(typed.toString(), 'stratdoc: plan\n');
    const cleared = b.edit(0, b.length, '');
    assert.equal(cleared.length, 0);
    assert.equal(cleared.toString(), '');
    const replaced = b.edit(0, b.length, 'neu\n');
    assertReadsLike(replaced, 'neu\n', 'the whole text replaced');
    // A text with one long line (no LF to cut at) is one block, read as the string.
    const oneLine = 'x'.repeat(70000);
    assertReadsLike(BlockText.of(oneLine).edit(35000, 35001, 'ü'), oneLine.slice(0, 35000) + 'ü' + oneLine.slice(35001), 'one long line');
  });

  it('knows whether a lone CR is in it, and normalizeLoneCr reads it as the string', () => {
    const s = bigText(2000);
    const b = BlockText.of(s);
    assert.equal(b.hasLoneCr(), false);
    // Typing without a CR keeps "none" without a scan; a CR typed, or an LF removed after a CR, is looked for.
    const e1 = b.edit(500, 500, 'abc');
    assert.equal(e1.hasLoneCr(), false);
    assert.equal(normalizeLoneCr(e1), e1, 'no lone CR: the same text, not joined');
    assert.equal(e1.flatIfMade, undefined);
    const e2 = e1.edit(e1.starts[2] - 1, e1.starts[2] - 1, '\r');
    assert.equal(e2.hasLoneCr(), false, 'a CR before an LF is a CRLF');
    const lf = e2.indexOf('\r\n') + 1;
    const e3 = e2.edit(lf, lf + 1, '');
    const s3 = e3.toString();
    assert.equal(e3.hasLoneCr(), true, 'the LF after a CR removed');
    assert.ok(/\r(?!\n)/.test(s3));
    assert.equal(flat(normalizeLoneCr(e3)), normalizeLoneCr(s3));
    const e4 = b.edit(10, 10, 'a\rb');
    assert.equal(e4.hasLoneCr(), true);
    assert.equal(flat(normalizeLoneCr(e4)), normalizeLoneCr(e4.toString()));
  });

  it('keeps a line index through random edits (LineIndex.edited) that a fresh index of the string agrees with', () => {
    const r = rng(15);
    let s = bigText(2500, '\n');
    let b = BlockText.of(s);
    let lines = new LineIndex(b);
    const pieces = ['a', 'ü', '🌱', '\n', '\r\n', '\r', '', '  - title: x\n', '#'];
    for (let i = 0; i < 300; i++) {
      const a = Math.floor(r() * (s.length + 1));
      const z = Math.min(s.length, a + (r() < 0.7 ? 0 : Math.floor(r() * 40)));
      const ins = pieces[Math.floor(r() * pieces.length)];
      const next = b.edit(a, z, ins);
      lines = lines.edited(next, a, z, ins);
      b = next;
      s = s.slice(0, a) + ins + s.slice(z);
      assert.equal(b.slice(Math.max(0, a - 20), a + 20), s.slice(Math.max(0, a - 20), a + 20), `edit ${i}: the text around it`);
      if (i % 25 === 0) assertLinesLike(lines, s, `edit ${i}`);
    }
    assertLinesLike(lines, s, 'after 300 edits');
    assert.equal(b.toString(), s);
  });

  it('tells the same reading by identity, never by comparing characters (sameText)', () => {
    const s = bigText(500);
    const b = BlockText.of(s);
    assert.ok(sameText(b, b));
    assert.ok(sameText(b, s), 'a text in blocks and the string it was made from');
    const e = b.edit(3, 3, 'x');
    assert.ok(!sameText(e, s));
    const joined = e.toString();
    assert.ok(sameText(e, joined) && sameText(joined, e), 'and the string it was joined into');
    assert.ok(!sameText(e, b.edit(3, 3, 'x')), 'another edit to the same characters is another reading');
    assert.ok(!sameText(undefined, undefined));
  });
});
