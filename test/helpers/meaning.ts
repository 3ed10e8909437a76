/** What a reading means, to compare a cached or incremental reading with a fresh one. */
import type { ParsedDocument } from '../../server/src/core/model';

/** What a reader produced, without the absolute offsets a cached piece may carry. */
export function meaning(d: ParsedDocument): unknown {
  const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === 'offset' ? undefined : v)));
  return strip({
    title: d.title,
    titleRange: d.titleRange,
    period: d.period,
    language: d.language,
    strategyPath: d.plan?.strategyPath,
    topKeys: d.topKeys,
    entries: d.plan?.entries,
    strategy: d.strategy,
    // A half-typed word, and the part it belongs to by where that part stands.
    incomplete: d.incomplete?.map((x) => ({ text: x.text, range: x.range, owner: typeof x.owner === 'string' ? x.owner : x.owner.range })),
    problems: d.problems.map((p) => ({ rule: p.rule, range: p.range, message: p.message.en })).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  });
}
