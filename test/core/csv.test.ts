/** The CSV reader (docs/format.md "CSV plans"): delimiters, quotes, positions, broken input. */
import * as assert from 'node:assert/strict';
import { readCsv, detectDelimiter } from '../../server/src/core/parse/csv';
import { parseDocument } from '../../server/src/core/parse';

describe('core: CSV reader', () => {
  it('takes the delimiter from the header line, outside quotes', () => {
    assert.equal(detectDelimiter('Datum;Thema;"a,b,c"\n1,2,3,4'), ';');
    assert.equal(detectDelimiter('Date,Topic\n'), ',');
    assert.equal(detectDelimiter('Date\tTopic\tOwner\n'), '\t');
  });

  it('reads quoted multi-line cells, "" and CRLF, with the offsets of each cell', () => {
    const text = '\uFEFFa;b\r\n"x\r\ny";"say ""hi"""\r\n1;2';
    const t = readCsv(text);
    assert.equal(t.unclosedAt, undefined);
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => c.value)),
      [
        ['a', 'b'],
        ['x\r\ny', 'say "hi"'],
        ['1', '2'],
      ],
    );
    const [x, say] = t.rows[1];
    assert.equal(text.slice(x.start, x.end), '"x\r\ny"');
    assert.equal(text.slice(say.start, say.end), '"say ""hi"""');
  });

  it('an unbalanced quote gives one syntax problem at the quote, never a throw', () => {
    const text = 'Datum,Thema\n2027-01-19,"kaputt\n2027-01-20,gut\n';
    const doc = parseDocument('file:///p/x.plan.csv', text)!;
    assert.equal(doc.format, 'csv');
    assert.deepEqual(
      doc.problems.map((p) => [p.rule, p.range.start.line, p.range.start.character]),
      [['syntax', 1, 11]],
    );
    for (const bad of ['"', '""""', ';;;\n;;', '\uFEFF', '', '\n\n"a"b"c', 'a,b\n"', '\r\r\r"']) {
      assert.doesNotThrow(() => parseDocument('file:///p/x.plan.csv', bad), JSON.stringify(bad));
    }
  });

  it('a CSV is a plan only by its name or the include globs', () => {
    assert.equal(parseDocument('file:///p/budget.csv', 'Datum;Thema\n19.01.2027;x'), undefined);
    assert.equal(parseDocument('file:///p/budget.csv', 'Datum;Thema\n19.01.2027;x', { included: true })?.kind, 'plan');
    const doc = parseDocument('file:///p/q1-2027.plan.csv', 'Datum;Thema;Verantwortlich;;\n19.01.;Backstube;@anna;;\n')!;
    assert.equal(doc.plan!.entries.length, 1);
    assert.equal(doc.plan!.entries[0].isoDate, '2027-01-19', 'the year comes from the file name');
    assert.deepEqual(
      doc.plan!.entries[0].fields.map((f) => f.key),
      ['Datum', 'Thema', 'Verantwortlich'],
    );
    assert.equal(doc.language, 'de');
  });
});
