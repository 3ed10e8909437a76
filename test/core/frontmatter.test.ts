/** Where front matter ends: one test (core/parse/common.ts frontMatterEnd) for the reader, completion and the code actions. */
import * as assert from 'node:assert/strict';
import { frontMatterEnd } from '../../server/src/core/parse/common';
import { LineIndex } from '../../server/src/core/text';
import { disableFileEdit, disableLineEdit } from '../../server/src/service/actions';

const md = (text: string) => ({ format: 'markdown' as const, lines: new LineIndex(text) });

describe('front matter: where it ends', () => {
  it('the closing --- or ..., after a byte order mark too; none when unclosed or absent', () => {
    assert.equal(frontMatterEnd(new LineIndex('---\nstratdoc: plan\n---\n# Plan\n')), 2);
    assert.equal(frontMatterEnd(new LineIndex('\uFEFF---\r\nstratdoc: plan\r\n...\r\n# Plan\r\n')), 2);
    assert.equal(frontMatterEnd(new LineIndex('---\nstratdoc: plan\n# no end\n')), undefined);
    assert.equal(frontMatterEnd(new LineIndex('# Plan\n---\n')), undefined);
    assert.equal(frontMatterEnd(new LineIndex('')), undefined);
  });

  it('a file-wide disable comment goes below the front matter, with a byte order mark as without', () => {
    for (const bom of ['', '\uFEFF']) {
      const e = disableFileEdit(md(`${bom}---\nstratdoc: plan\n---\n# Plan\n`), 'push-ratio');
      assert.equal(e.range.start.line, 3, JSON.stringify(bom));
      assert.match(e.newText, /stratdoc-disable-file push-ratio/);
    }
  });

  it('no line comment inside front matter (it would be YAML there)', () => {
    assert.equal(disableLineEdit(md('\uFEFF---\nstratdoc: plan\n---\n# Plan\n'), 1, 'syntax'), undefined);
    assert.ok(disableLineEdit(md('\uFEFF---\nstratdoc: plan\n---\n# Plan\n'), 3, 'syntax'));
  });
});
