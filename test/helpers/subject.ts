/**
 * What a finding is about, independent of how the document is written (the twin test of
 * test/rules/shapes.test.ts and the round trip of test/cli/convert.test.ts): the goal, KPI,
 * channel or person of a strategy by its ID, a plan row by its date and title, a section by
 * its keys.
 */
import type { Finding } from '../../server/src/core/engine';
import type { ParsedDocument } from '../../server/src/core/model';
import type { Workspace } from '../../server/src/core/workspace';
import { comparePos, type Position, type Range } from '../../server/src/core/text';

function inside(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

export function subject(ws: Workspace, f: Finding): string {
  const doc = ws.get(f.uri) as ParsedDocument;
  const p = f.range.start;
  if (doc.plan) {
    // The entry of a cross-post row whose channel the finding is about: by the channel's
    // range, or (channel-gap, at the row) by the channel its message names.
    const gap = f.rule === 'channel-gap' ? /No (\S+) entry/.exec(f.message.en)?.[1] : undefined;
    const e =
      doc.plan.entries.find((x) => x.channel && inside(x.channel.range, p) && (!gap || x.channel.id === gap)) ??
      doc.plan.entries.find((x) => inside(x.range, p) && (!gap || x.channel?.id === gap));
    if (e)
      return `plan|row ${e.isoDate ?? e.date?.value ?? '?'} ${e.title?.value ?? ''}${f.rule === 'undeclared-channel' || f.rule === 'channel-gap' ? ` ${e.channel?.id}` : ''}`;
    return 'plan|document';
  }
  const s = doc.strategy!;
  const items = [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels];
  // The innermost item: a KPI written under its goal stands inside the goal's list item.
  const it =
    items.find((x) => inside(x.idRange, p)) ??
    items
      .filter((x) => inside(x.range, p))
      .sort((a, b) => a.range.start.line - b.range.start.line)
      .pop();
  if (it) return `strategy|${it.kind} ${it.id.toLowerCase()}`;
  const sec = s.sections.find((x) => inside(x.headingRange, p) || inside(x.range, p));
  if (sec) return `strategy|section ${sec.keys.join('+')}`;
  return 'strategy|document';
}
