/**
 * The property the server's incremental reading must keep: after any sequence of
 * incremental edits, its diagnostics are those a fresh server gives for the final texts.
 * Used by test/lsp/property.test.ts (a fixed seed, few edits: CI) and test/bench/fuzz.ts
 * (`npm run fuzz`: many seeds, many edits).
 *
 * A seeded workspace (test/bench/corpus.ts: strategies and plans in Markdown and YAML,
 * long enough to be read in pieces) is opened and edited at random: characters that
 * matter to the formats (`|`, `-`, `:`, `#`, `@`, line breaks, umlauts…) typed,
 * deleted, replaced and pasted, sometimes several changes in one notification as
 * multiple cursors send them. Then a second server opens the final texts and the two
 * are compared, document by document.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from './harness';
import { generateCorpus } from '../bench/corpus';
import { LineIndex } from '../../server/src/core/text';
import { rng } from '../helpers/rng';

export interface PropertyResult {
  seed: number;
  edits: number;
  documents: number;
  /** Documents whose diagnostics differ, with both sides. */
  mismatches: { uri: string; edited: string[]; fresh: string[] }[];
}

const TYPED = ['a', 'e', 'x', 'Z', '1', '7', ' ', ' ', '|', '|', '-', ':', '#', '@', '\n', '\n', 'ä', 'ß', '*', '`', '>', ',', '[', ']'];
const PASTES = [
  '| 2027-03-01 | Instagram | Titel | G1 |\n',
  '\n## Ziele\n',
  '  - date: 2027-02-02\n    channel: linkedin\n',
  '---\n',
  '\n\n',
  '@lea',
  'goal: G2',
  '| --- | --- |',
];

/** One random change to `text`: its range in the text as it is, and the new text. */
function randomChange(text: string, r: () => number): { start: number; end: number; newText: string } {
  const li = new LineIndex(text);
  const line = Math.floor(r() * li.lineCount);
  const start = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
  const k = r();
  if (k < 0.55) return { start, end: start, newText: TYPED[Math.floor(r() * TYPED.length)] };
  if (k < 0.8) return { start, end: Math.min(text.length, start + 1 + Math.floor(r() * 3)), newText: '' };
  if (k < 0.9) return { start, end: Math.min(text.length, start + 1 + Math.floor(r() * 6)), newText: TYPED[Math.floor(r() * TYPED.length)] };
  if (k < 0.97) return { start, end: start, newText: PASTES[Math.floor(r() * PASTES.length)] };
  // A cut of a few lines (a line or a table row moved away).
  const endLine = Math.min(li.lineCount - 1, line + 1 + Math.floor(r() * 4));
  return { start: li.lineStarts[line], end: li.lineStarts[endLine], newText: '' };
}

function key(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

/** Runs the property once; `edits` changes spread over the workspace's documents. */
export interface PropertyOptions {
  /** The edited server's debounce (a long one coalesces many edits into one check, as a loaded machine does). */
  debounceMs?: number;
  /** How often the typist pauses for a check (0..1). */
  pause?: number;
}

export async function runProperty(seed: number, edits: number, opts: PropertyOptions = {}): Promise<PropertyResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stratdoc-property-${seed}-`));
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), `stratdoc-property-fresh-${seed}-`));
  let a: TestClient | undefined;
  let b: TestClient | undefined;
  try {
    generateCorpus(dir, { strategies: 4, entries: 150, seed });
    fs.writeFileSync(path.join(dir, SENTINEL), SENTINEL_TEXT);
    fs.cpSync(dir, fresh, { recursive: true });
    const rels = (fs.readdirSync(dir, { recursive: true }) as string[])
      .map(String)
      .filter((f) => /\.(md|yaml)$/.test(f) && f !== SENTINEL)
      .sort();
    const r = rng(seed);
    a = await TestClient.start(dir, { debounceMs: opts.debounceMs ?? 5 });
    const texts = new Map<string, string>();
    const versions = new Map<string, number>();
    for (const rel of rels) {
      const text = fs.readFileSync(path.join(dir, rel), 'utf8');
      texts.set(rel, text);
      versions.set(rel, 1);
      await a.open(rel, text);
    }
    await a.open(SENTINEL, SENTINEL_TEXT);
    const sa = { v: 1 };
    for (let i = 0; i < edits; i++) {
      const rel = rels[Math.floor(r() * rels.length)];
      let text = texts.get(rel)!;
      // Mostly one change; sometimes two or three in one notification, each in the text
      // the ones before it left (LSP: "applied in order").
      const n = r() < 0.85 ? 1 : 2 + Math.floor(r() * 2);
      const contentChanges: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [];
      for (let k = 0; k < n; k++) {
        const ch = randomChange(text, r);
        const li = new LineIndex(text);
        contentChanges.push({ range: { start: li.positionAt(ch.start), end: li.positionAt(ch.end) }, text: ch.newText });
        text = text.slice(0, ch.start) + ch.newText + text.slice(ch.end);
      }
      texts.set(rel, text);
      const version = versions.get(rel)! + 1;
      versions.set(rel, version);
      await a.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: a.uri(rel), version }, contentChanges });
      // Now and then the typist pauses: the server checks between bursts as well.
      if (r() < (opts.pause ?? 0.1)) await settle(a, sa);
    }
    await settle(a, sa);

    b = await TestClient.start(fresh, { debounceMs: 5 });
    for (const rel of rels) await b.open(rel, texts.get(rel));
    await b.open(SENTINEL, SENTINEL_TEXT);
    await settle(b, { v: 1 });

    const uris = new Set([...a.diagnostics.keys()].map((u) => u.slice(a!.uri('').length)));
    for (const u of b.diagnostics.keys()) uris.add(u.slice(b.uri('').length));
    const mismatches: PropertyResult['mismatches'] = [];
    for (const rel of [...uris].sort()) {
      const x = (a.diagnostics.get(a.uri(rel)) ?? []).map(key).sort();
      const y = (b.diagnostics.get(b.uri(rel)) ?? []).map(key).sort();
      if (JSON.stringify(x) !== JSON.stringify(y))
        mismatches.push({ uri: rel, edited: x.filter((k) => !y.includes(k)), fresh: y.filter((k) => !x.includes(k)) });
    }
    return { seed, edits, documents: rels.length, mismatches };
  } finally {
    await a?.stop();
    await b?.stop();
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}

/** A plan at the root, open in both servers, changed to find out when a check is through. */
const SENTINEL = 'sentinel.plan.md';
const SENTINEL_TEXT = '# Sentinel\n\n| Datum | Kanal | Titel |\n|---|---|---|\n| 2027-01-10 | Instagram | Test |\n';

/**
 * Waits until the server has checked and published everything it was sent: a change of
 * the sentinel (same text, new version) is published with its version in the check
 * after every notification before it, and the server writes in order.
 */
async function settle(c: TestClient, sentinelVersion: { v: number }): Promise<void> {
  sentinelVersion.v++;
  const v = sentinelVersion.v;
  await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: c.uri(SENTINEL), version: v },
    contentChanges: [{ text: SENTINEL_TEXT }],
  });
  await c.until(() => (c.publishedVersions.get(c.uri(SENTINEL)) ?? 0) >= v, 'the sentinel published', 120000);
  // The sentinel is one publish of that check, not its last: the documents after it in the
  // check's order (unmarked files come after every document) are published after it, and
  // the client goes on as soon as the sentinel's arrives. A request answered after the
  // check has every publish of it received first (the server writes in order). Without
  // this a fresh server that read a file from disk and then got it opened without its
  // marker was compared on the disk text's findings (issue #10, seed 2027).
  await c.request('textDocument/documentSymbol', { textDocument: { uri: c.uri(SENTINEL) } });
}
