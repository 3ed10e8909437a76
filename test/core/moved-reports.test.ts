/**
 * What an entry rule found in an entry, for a copy of the entry moved by lines (core/moved.ts
 * `movedReports`, docs/decisions.md "A moved copy keeps what its original was found to
 * have"): ranges and the fixes' ranges in the same document move; what may not move
 * safely makes the engine ask the rule again.
 */
import * as assert from 'node:assert/strict';
import { movedReports } from '../../server/src/core/moved';
import type { ReportInput } from '../../server/src/core/rules/api';
import { plainRange, range, t } from '../../server/src/core/text';

const PLAN = 'file:///w/q1.plan.yaml';
const STRATEGY = 'file:///w/strategy.yaml';

/** A report on line 40 (its entry starts on line 38) with a fix that edits `at` in `uri`. */
function report(at: number, uri = PLAN): ReportInput {
  return {
    uri: PLAN,
    range: range(40, 4, 40, 12),
    message: t('No goal.', 'Kein Ziel.'),
    fixes: [{ title: t('Add a goal', 'Ziel ergänzen'), edits: [{ uri, edits: [{ range: range(at, 0, at, 0), newText: 'goal: G1\n' }] }] }],
  };
}

const plain = (r: ReturnType<typeof movedReports>) =>
  r?.map((f) => ({
    range: plainRange(f.range),
    edits: f.fixes?.flatMap((x) => x.edits.map((d) => [d.uri, ...d.edits.map((e) => plainRange(e.range).start.line)])),
  }));

describe('core: reports moved with their entry', () => {
  it('moves the range and the fix edits in the plan, not those in another document', () => {
    const got = movedReports([report(41), report(3, STRATEGY)], 2, 38);
    assert.deepEqual(plain(got), [
      { range: plainRange(range(42, 4, 42, 12)), edits: [[PLAN, 43]] },
      { range: plainRange(range(42, 4, 42, 12)), edits: [[STRATEGY, 3]] },
    ]);
  });

  it('asks the rule again for a fix that edits above the entry, or a report with data', () => {
    assert.equal(movedReports([report(41), report(5)], 1, 38), undefined);
    assert.equal(movedReports([{ ...report(41), data: { entries: [38] } }], -1, 38), undefined);
  });

  it('gives the same reports for an entry only renumbered (no line moved), and nothing for nothing', () => {
    const list = [report(41)];
    assert.equal(movedReports(list, 0, 38), list);
    const none: ReportInput[] = [];
    assert.equal(movedReports(none, 3, 38), none);
  });
});
