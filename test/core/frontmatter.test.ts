/** Where front matter ends: the Markdown reader's `frontMatter` (docs/format.md "Front matter"), which completion and the code actions take. */
import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { disableFileEdit, disableLineEdit } from '../../server/src/service/actions';

const md = (text: string) => parseMarkdown('file:///p/plan.md', text, 'plan', 'marker');
const end = (text: string) => md(text).frontMatter?.range.end.line;

describe('front matter: where it ends', () => {
  it('the closing ---, after a byte order mark and with CRLF too; none when unclosed or absent', () => {
    assert.equal(end('---\nstratdoc: plan\n---\n# Plan\n'), 2);
    assert.equal(end('\uFEFF---\r\nstratdoc: plan\r\n---\r\n# Plan\r\n'), 2);
    assert.equal(end('---\nstratdoc: plan\n# no end\n'), undefined);
    assert.equal(end('# Plan\n---\n'), undefined);
    assert.equal(end(''), undefined);
  });

  it("YAML's document end `...` closes it as `---` does (Pandoc writes it), whichever comes first", () => {
    assert.equal(end('---\nstratdoc: plan\nstrategy: ../strategie.md\n...\n# Plan\n'), 3);
    assert.equal(md('---\nstratdoc: plan\nstrategy: ../strategie.md\n...\n# Plan\n').plan!.strategyPath?.value, '../strategie.md');
    assert.equal(end('---\nstratdoc: plan\n...\nText\n---\n# Plan\n'), 2);
    assert.equal(end('---\nstratdoc: plan\n---\nText\n...\n'), 2);
  });

  it('a file-wide disable comment goes below the front matter, with a byte order mark as without', () => {
    for (const bom of ['', '\uFEFF']) {
      const e = disableFileEdit(md(`${bom}---\nstratdoc: plan\n---\n# Plan\n`), 'push-ratio');
      assert.equal(e.range.start.line, 3, JSON.stringify(bom));
      assert.match(e.newText, /stratdoc-disable-file push-ratio/);
    }
    assert.equal(disableFileEdit(md('# Plan\n\n| Datum | Kanal |\n'), 'push-ratio').range.start.line, 0);
  });

  it('no line comment inside front matter (it would be YAML there)', () => {
    assert.equal(disableLineEdit(md('\uFEFF---\nstratdoc: plan\n---\n# Plan\n'), 1, 'syntax'), undefined);
    assert.equal(disableLineEdit(md('\uFEFF---\nstratdoc: plan\n---\n# Plan\n'), 2, 'syntax'), undefined);
    assert.ok(disableLineEdit(md('\uFEFF---\nstratdoc: plan\n---\n# Plan\n'), 3, 'syntax'));
  });
});
