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
    entries: d.plan?.entries,
    strategy: d.strategy,
    problems: d.problems.map((p) => ({ rule: p.rule, range: p.range, message: p.message.en })).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  });
}
