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
});
