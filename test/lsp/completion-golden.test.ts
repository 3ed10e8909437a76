/**
 * Completion before and after: every completion (labels, edits, insert texts, sort
 * order, everything the item carries) at a dense set of positions over the fixture and
 * example documents, and over a copy of each where some lines are cut at their middle
 * (half-typed lines, what completion meets while a user types), compared with
 * completion-golden.json: a hash per document and per line. A change of completion
 * shows here as the positions whose answer changed, with today's answer.
 * `UPDATE_GOLDEN=1` rewrites the file (only when the change is intended; name it in the commit).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-types';
import { REPO } from './harness';
import { listFiles, loadWorkspace } from '../helpers/fsworkspace';
import { completionAt } from '../../server/src/service/completion';
import type { Workspace } from '../../server/src/core/workspace';

const GOLDEN = path.join(REPO, 'test', 'lsp', 'completion-golden.json');

/** Per document: `w` the hash of its workspace's texts, `h` of its answers, `l` of each line's answers (lines offering nothing left out). */
type Golden = Record<string, { w: string; h: string; l: Record<string, string> }>;

const hash = (s: string) => createHash('sha1').update(s).digest('base64url').slice(0, 12);

/** The columns asked on a line: ends, middle, indentation, after every mark and word boundary. */
function columns(text: string): number[] {
  const cols = new Set([0, text.length, Math.floor(text.length / 2), /^\s*/.exec(text)![0].length]);
  for (let i = 0; i < text.length; i++) {
    if (/[:|@,#[{\-"'<]/.test(text[i]) || (text[i] === ' ' && /[-:|,[{]/.test(text[i - 1] ?? ''))) cols.add(i + 1);
    if (/\s/.test(text[i]) && i + 1 < text.length && !/\s/.test(text[i + 1])) cols.add(i + 1);
  }
  return [...cols].sort((a, b) => a - b);
}

/** Every 5th non-blank line cut at its middle (a key without its colon, a row without its end). */
function halfTyped(text: string): string {
  let n = 0;
  return text
    .split('\n')
    .map((l) => (l.trim() && ++n % 5 === 3 ? l.slice(0, Math.ceil(l.trimEnd().length / 2)) : l))
    .join('\n');
}

interface Swept {
  w: string;
  lines: Map<number, string[]>;
}

function sweep(ws: Workspace, label: (uri: string) => string, out: Record<string, Swept>): void {
  const w = hash([...ws.documents()].map((d) => `${label(d.uri)}\n${d.text}`).join('\n'));
  const ctx = { ws, lang: () => 'de' as const, today: () => '2027-02-15', findings: () => new Map() };
  for (const doc of ws.documents()) {
    const lines = new Map<number, string[]>();
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const text = doc.lines.lineText(line);
      const answers: string[] = [];
      for (const character of columns(text)) {
        const list: CompletionItem[] = completionAt(ctx, doc.uri, { line, character });
        if (list.length) answers.push(`${character} ${JSON.stringify(list)}`);
      }
      if (answers.length) lines.set(line, answers);
    }
    out[label(doc.uri)] = { w, lines };
  }
}

function record(): Record<string, Swept> {
  const out: Record<string, Swept> = {};
  const base = path.join(REPO, 'test', 'fixtures');
  const dirs = new Set<string>();
  for (const f of listFiles(base)) {
    if (!/\.(md|ya?ml|csv)$/.test(f)) continue;
    const rel = path.relative(base, f).split(path.sep);
    dirs.add(path.join(base, ...rel.slice(0, Math.min(rel[0] === 'rules' ? 3 : 2, rel.length - 1))));
  }
  for (const d of fs.readdirSync(path.join(REPO, 'examples'), { withFileTypes: true })) if (d.isDirectory()) dirs.add(path.join(REPO, 'examples', d.name));
  for (const dir of [...dirs].sort()) {
    const root = path.relative(REPO, dir).split(path.sep).join('/');
    const rel = (uri: string) => `${root} ${decodeURIComponent(uri.slice(uri.indexOf(path.basename(dir) + '/') + path.basename(dir).length + 1))}`;
    sweep(loadWorkspace(dir, {}, { csv: true }), rel, out);
    const cut: Record<string, string> = {};
    for (const f of listFiles(dir))
      if (/\.(md|ya?ml|csv)$/.test(f) && path.basename(f) !== '.stratdoc.yaml')
        cut[path.relative(dir, f).split(path.sep).join('/')] = halfTyped(fs.readFileSync(f, 'utf8'));
    sweep(loadWorkspace(dir, cut, { csv: true }), (uri) => `${rel(uri)} (half-typed)`, out);
  }
  return out;
}

describe('completion: the same answers as recorded (completion-golden.json)', function () {
  this.timeout(600000);

  it('answers every swept position as recorded @slow', () => {
    const now = record();
    const golden: Golden = {};
    for (const [doc, { w, lines }] of Object.entries(now)) {
      const l: Record<string, string> = {};
      for (const [n, answers] of lines) l[n] = hash(answers.join('\n'));
      golden[doc] = { w, h: hash(JSON.stringify(l)), l };
    }
    if (process.env.UPDATE_GOLDEN) {
      fs.writeFileSync(GOLDEN, JSON.stringify(golden, null, 0).replace(/\},"/g, '},\n"') + '\n');
      return;
    }
    const was = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as Golden;
    const diffs: string[] = [];
    // A document is compared only where its workspace's texts are as recorded: a fixture
    // another change added or edited is re-recorded with UPDATE_GOLDEN=1, not a difference.
    let unrecorded = 0;
    let compared = 0;
    for (const doc of Object.keys(golden)) {
      const a = was[doc];
      const b = golden[doc];
      if (a?.w !== b.w) {
        unrecorded++;
        continue;
      }
      compared++;
      if (a.h === b.h) continue;
      for (const n of new Set([...Object.keys(a.l), ...Object.keys(b.l)])) {
        if (a.l[n] === b.l[n]) continue;
        const answers = now[doc].lines.get(Number(n)) ?? [];
        const brief = answers.map((s) => {
          const sp = s.indexOf(' ');
          const items = JSON.parse(s.slice(sp + 1)) as CompletionItem[];
          return `    col ${s.slice(0, sp)}: ${items.map((i) => i.label).join(', ')}`;
        });
        diffs.push(`${doc} line ${n}: was ${a.l[n] ?? 'nothing offered'}, now ${b.l[n] ?? 'nothing offered'}\n${brief.join('\n')}`);
      }
    }
    assert.ok(diffs.length === 0, `${diffs.length} lines answer differently:\n${diffs.slice(0, 40).join('\n')}`);
    console.log(`      ${compared} documents compared, ${unrecorded} whose workspace changed since the recording (UPDATE_GOLDEN=1 records them)`);
    assert.ok(compared > 500, `${compared} documents compared: re-record the golden (UPDATE_GOLDEN=1) when the fixtures changed`);
  });
});
