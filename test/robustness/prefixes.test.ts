/**
 * Documents as they are being typed: every prefix of every fixture and example
 * document (found at run time under test/fixtures and examples) goes through the real
 * core in its workspace (the other files of its folder stay as they are), with all
 * rules: nothing throws, nothing hangs, every range lies inside its document and every
 * message exists in English and German.
 *
 * Prefixes per document: every line boundary (at most MAX_LINES of them, sampled for
 * long documents), every character of the first HEAD characters, and a random sample of
 * character positions (seeded by the file's path: the same every run). Identical
 * prefixes of different files are checked once. The examples get every head character;
 * the fixtures (hundreds of small, similar files) share a budget of HEAD_BUDGET head
 * prefixes: with a stride of k, file number n takes the characters n mod k, n mod k + k…
 * so that together they still cover every position. STRATDOC_ROBUST_FULL=1 checks every
 * head character of every file and a larger random sample (a long soak).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { toUri } from '../../server/src/core/uri';
import { formatOf, kindOfFileName } from '../../server/src/core/parse/common';
import { listFiles } from '../helpers/fsworkspace';
import { describeResult, hash, repoRoot, rng, runCorpus, serveCorpora, setAndCheck, show, type Corpus } from './harness';

const FULL = !!process.env.STRATDOC_ROBUST_FULL;
const HEAD = 400;
const MAX_LINES = 400;
const HEAD_BUDGET = 8000;
const SAMPLE = { examples: 60, fixtures: FULL ? 60 : 10 };

interface Doc {
  /** Path relative to the repository root, with slashes. */
  rel: string;
  /** The folder that forms its workspace. */
  root: string;
  text: string;
}

/** The folder a fixture or example document is checked in (its small workspace). */
function workspaceRoot(rel: string): string {
  const parts = rel.split('/');
  const take = rel.startsWith('test/fixtures/rules/') ? 5 : rel.startsWith('test/fixtures/') ? 4 : 2;
  return parts.slice(0, Math.min(take, parts.length - 1)).join('/');
}

function findDocs(): Doc[] {
  const root = repoRoot();
  const out: Doc[] = [];
  for (const top of ['test/fixtures', 'examples']) {
    const dir = path.join(root, top);
    if (!fs.existsSync(dir)) continue;
    for (const f of listFiles(dir)) {
      const rel = path.relative(root, f).split(path.sep).join('/');
      if (!/\.(md|markdown|ya?ml)$/i.test(rel) || path.basename(f) === '.stratdoc.yaml') continue;
      out.push({ rel, root: workspaceRoot(rel), text: fs.readFileSync(f, 'utf8') });
    }
  }
  return out.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : a.rel < b.rel ? -1 : 1));
}

/** The prefix lengths to check for one text (sorted, deduplicated). */
function prefixLengths(rel: string, text: string, stride: number, offset: number, sample: number): number[] {
  const set = new Set<number>([0, text.length]);
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') breaks.push(i + 1);
  const rand = rng(hash(rel));
  if (breaks.length <= MAX_LINES) for (const b of breaks) set.add(b);
  else for (let k = 0; k < MAX_LINES; k++) set.add(breaks[Math.floor(rand() * breaks.length)]);
  for (let i = 1 + offset; i <= Math.min(HEAD, text.length); i += stride) set.add(i);
  for (let k = 0; k < sample; k++) set.add(Math.floor(rand() * (text.length + 1)));
  return [...set].sort((a, b) => a - b);
}

interface Case {
  doc: number;
  len: number;
}

function cases(docs: Doc[]): Case[] {
  const seen = new Set<string>();
  const out: Case[] = [];
  const isExample = (d: Doc) => d.rel.startsWith('examples/');
  const fixtureHead = docs.filter((d) => !isExample(d)).reduce((n, d) => n + Math.min(HEAD, d.text.length), 0);
  const stride = FULL ? 1 : Math.max(1, Math.ceil(fixtureHead / HEAD_BUDGET));
  let n = 0;
  docs.forEach((d, i) => {
    const key = `${formatOf(d.rel)}|${kindOfFileName(d.rel) ?? ''}|`;
    const lengths = isExample(d) ? prefixLengths(d.rel, d.text, 1, 0, SAMPLE.examples) : prefixLengths(d.rel, d.text, stride, n++ % stride, SAMPLE.fixtures);
    for (const len of lengths) {
      const k = key + d.text.slice(0, len);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ doc: i, len });
    }
  });
  return out;
}

/** A workspace of a folder, as the server keeps it (with a chunk cache). */
function loadFolder(dir: string): Workspace {
  const rootUri = toUri(dir) + '/';
  const configs = new ConfigResolver(
    {
      readFile(uri: string) {
        try {
          return fs.readFileSync(new URL(uri), 'utf8');
        } catch {
          return undefined;
        }
      },
    },
    { roots: [rootUri] },
  );
  const ws = new Workspace(configs, { cache: true });
  for (const f of listFiles(dir)) {
    if (!/\.(md|markdown|ya?ml)$/i.test(f) || path.basename(f) === '.stratdoc.yaml') continue;
    ws.set(toUri(f), fs.readFileSync(f, 'utf8'));
  }
  return ws;
}

function corpus(): Corpus {
  const docs = findDocs();
  const list = cases(docs);
  const root = repoRoot();
  let cur: { root: string; ws: Workspace; doc?: number } | undefined;
  return {
    size: list.length,
    label(i) {
      const c = list[i];
      const d = docs[c.doc];
      return `${d.rel} prefix ${c.len}/${d.text.length}: …${show(d.text.slice(Math.max(0, c.len - 40), c.len))}`;
    },
    run(i) {
      const c = list[i];
      const d = docs[c.doc];
      if (!cur || cur.root !== d.root) cur = { root: d.root, ws: loadFolder(path.join(root, d.root)) };
      const ws = cur.ws;
      // Moving on to another file: the previous one gets its full text back.
      if (cur.doc !== undefined && cur.doc !== c.doc) ws.set(toUri(path.join(root, docs[cur.doc].rel)), docs[cur.doc].text);
      cur.doc = c.doc;
      setAndCheck(ws, toUri(path.join(root, d.rel)), d.text.slice(0, c.len));
    },
  };
}

serveCorpora({ prefixes: corpus });

if (isMainThread) {
  describe('robustness: every prefix of fixtures and examples', () => {
    const docs = findDocs();
    it('finds documents to type', () => assert.ok(docs.length > 0, 'no fixture or example documents'));
    it(`${docs.length} documents, typed prefix by prefix${FULL ? ' (full)' : ''}: no throw, no hang, ranges inside`, async function () {
      this.timeout(30 * 60 * 1000);
      const r = await runCorpus(__filename, 'prefixes', corpus, { hangMs: 30000 });
      assert.equal(r.failures.length + r.hangs.length, 0, describeResult('prefixes', r));
    });
  });
}
