/**
 * What a rule found in an entry, for a copy of the entry with its lines moved (model.ts
 * PlanModel.moved): the same reports with their ranges, and the ranges their fixes edit in the
 * same document, moved by as many lines (docs/performance.md "What an edit costs").
 */
import type { ReportInput } from './rules/api';
import { movedRange } from './text';

/**
 * `list`, found in an entry that started on line `from`, moved `dl` lines; undefined when a
 * report holds what cannot be moved safely: `data`, whose positions only its rule knows,
 * or a fix that edits the document above the entry, which may lie above the edit (not
 * moved) or below it (moved). The entry is then checked again.
 */
export function movedReports(list: readonly ReportInput[], dl: number, from: number): ReportInput[] | undefined {
  if (!list.length) return list as ReportInput[];
  // Not moved at all (an entry renumbered only): the same reports, which the engine then takes as they were.
  if (!dl) return list.some((f) => f.data) ? undefined : (list as ReportInput[]);
  const out: ReportInput[] = [];
  for (const f of list) {
    if (f.data) return undefined;
    const m: ReportInput = { ...f, range: movedRange(f.range, dl) };
    if (f.fixes) {
      for (const fix of f.fixes) for (const d of fix.edits) if (d.uri === f.uri && d.edits.some((e) => e.range.start.line < from)) return undefined;
      m.fixes = f.fixes.map((fix) => ({
        ...fix,
        edits: fix.edits.map((d) => (d.uri === f.uri ? { uri: d.uri, edits: d.edits.map((e) => ({ ...e, range: movedRange(e.range, dl) })) } : d)),
      }));
    }
    out.push(m);
  }
  return out;
}
