/**
 * Random incremental edits against the real server end in the diagnostics a fresh server
 * gives for the final texts (test/lsp/property.ts). CI: one fixed seed, few edits;
 * `npm run fuzz` runs many seeds with many edits.
 */
import * as assert from 'node:assert/strict';
import { runProperty } from './property';

describe('server: incremental edits end where a fresh reading does (property)', function () {
  this.timeout(10 * 60 * 1000);

  it('seed 2027, 300 edits over strategies and plans in Markdown and YAML', async () => {
    const res = await runProperty(2027, 300);
    assert.ok(res.documents >= 8, `${res.documents} documents`);
    assert.deepEqual(res.mismatches, []);
  });

  // A loaded machine coalesces many edits into one check (what a full unit run does to this
  // test): a long debounce and rare pauses give the same. It once found a mismatch that was
  // the test's own: it compared before the last publish of a check had arrived.
  it('seed 2027, 300 edits, coalesced into few checks', async () => {
    const res = await runProperty(2027, 300, { debounceMs: 1000, pause: 0.02 });
    assert.deepEqual(res.mismatches, []);
  });
});
