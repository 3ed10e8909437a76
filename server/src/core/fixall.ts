/**
 * Fix-all (docs/decisions.md "Fixing for you"): applies the safe fixes of the findings in
 * some documents, re-checking between rounds as markdownlint does. In one round every fix
 * that touches lines no other chosen fix touches is applied; fixes that conflict wait for
 * the next round, when the documents have been checked again and a fix still needed is
 * offered afresh for the new text. Used by `stratdoc check --fix`, the server's
 * `source.fixAll.stratdoc` action and the tests.
 */
import type { FixSpec, TextEdit } from './model';
import type { Finding } from './engine';
import type { Text } from './text';
import { LineIndex } from './text';
import type { Workspace } from './workspace';

export interface AppliedFix {
  rule: string;
  uri: string;
  title: Text;
}

export interface FixAllResult {
  /** The new text of every document that changed. */
  changed: Map<string, string>;
  applied: AppliedFix[];
  /** Rounds that applied something. */
  rounds: number;
}

export interface FixAllOptions {
  today: string;
  /** Also apply fixes not marked safe (tests; never the CLI's or the editor's fix-all). */
  unsafe?: boolean;
  /** Rounds at most (a fix that does not remove its finding would otherwise repeat). */
  maxRounds?: number;
}

/** The fix fix-all applies for a finding: its only or preferred fix, when safe and within the targets. */
export function autoFix(f: Finding, targets: ReadonlySet<string>, unsafe = false): FixSpec | undefined {
  const fixes = f.fixes ?? [];
  const fix = fixes.length === 1 ? fixes[0] : fixes.find((x) => x.preferred);
  if (!fix || (!unsafe && !fix.safe)) return undefined;
  if (!fix.edits.length || !fix.edits.every((e) => targets.has(e.uri))) return undefined;
  return fix;
}

/** Applies text edits (not overlapping) to a text; inserted line breaks follow the text's own. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const li = new LineIndex(text);
  const crlf = text.includes('\r\n');
  const sorted = edits
    .map((e) => ({ s: li.offsetAt(e.range.start), e: li.offsetAt(e.range.end), t: crlf ? e.newText.replace(/\r?\n/g, '\r\n') : e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/**
 * Applies fix-all to the target documents of a workspace, changing the workspace (each
 * round sets the new texts). Only documents in `targets` are ever edited.
 */
export function fixAll(ws: Workspace, targets: ReadonlySet<string>, opts: FixAllOptions): FixAllResult {
  const applied: AppliedFix[] = [];
  const changed = new Map<string, string>();
  const maxRounds = opts.maxRounds ?? 10;
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    const chosen: { f: Finding; fix: FixSpec }[] = [];
    // Lines taken per document in this round: a fix touching a taken line waits.
    const taken = new Map<string, [number, number][]>();
    const free = (fix: FixSpec) =>
      fix.edits.every((d) => d.edits.every((e) => !(taken.get(d.uri) ?? []).some(([a, b]) => e.range.start.line <= b && e.range.end.line >= a)));
    for (const p of ws.projects()) {
      if (!p.documents.some((d) => targets.has(d.uri))) continue;
      for (const f of ws.checkProject(p, opts.today)) {
        if (!targets.has(f.uri)) continue;
        const fix = autoFix(f, targets, opts.unsafe);
        if (!fix || !free(fix)) continue;
        chosen.push({ f, fix });
        for (const d of fix.edits) {
          let l = taken.get(d.uri);
          if (!l) taken.set(d.uri, (l = []));
          for (const e of d.edits) l.push([e.range.start.line, e.range.end.line]);
        }
      }
    }
    if (!chosen.length) break;
    const byUri = new Map<string, TextEdit[]>();
    for (const { fix } of chosen) {
      for (const d of fix.edits) {
        const l = byUri.get(d.uri);
        if (l) l.push(...d.edits);
        else byUri.set(d.uri, [...d.edits]);
      }
    }
    let moved = false;
    for (const [uri, edits] of byUri) {
      const before = changed.get(uri) ?? ws.get(uri)?.text;
      if (before === undefined) continue;
      const after = applyTextEdits(before, edits);
      if (after === before) continue;
      moved = true;
      changed.set(uri, after);
      ws.set(uri, after);
    }
    for (const { f, fix } of chosen) applied.push({ rule: f.rule, uri: f.uri, title: fix.title });
    if (!moved) break;
  }
  return { changed, applied, rounds };
}
