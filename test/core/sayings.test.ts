/**
 * The engine memo's findings by what they say (server/src/core/sayings.ts): a finding that
 * says the same is found again, one that differs in any field is not, and findings whose
 * sayings share a hash stay apart.
 */
import * as assert from 'node:assert/strict';
import { Sayings, sameSaying, sayingHash } from '../../server/src/core/sayings';
import type { Finding } from '../../server/src/core/engine';
import { range } from '../../server/src/core/text';

const base = (): Finding => ({
  rule: 'channel-gap',
  uri: 'file:///ws/plaene/2027.plan.md',
  range: range(3, 0, 3, 12),
  severity: 'warning',
  message: { en: 'Instagram has no post between 2027-03-01 and 2027-03-20.', de: 'Instagram hat zwischen 01.03.2027 und 20.03.2027 keinen Beitrag.' },
  fixes: [{ title: { en: 'Add a row', de: 'Zeile anlegen' }, edits: [{ range: range(9, 0, 9, 0), newText: '| x |\n' }] }] as unknown as Finding['fixes'],
  data: { channel: 'instagram', from: '2027-03-01' },
});

/** Each way a finding can say something else. */
const variants: [string, (f: Finding) => void][] = [
  ['document', (f) => (f.uri = 'file:///ws/plaene/2028.plan.md')],
  ['start line', (f) => (f.range = range(4, 0, 4, 12))],
  ['start column', (f) => (f.range = range(3, 1, 3, 12))],
  ['end column', (f) => (f.range = range(3, 0, 3, 13))],
  ['severity', (f) => (f.severity = 'error')],
  ['English message', (f) => (f.message = { ...f.message, en: f.message.en + '!' })],
  ['German message', (f) => (f.message = { ...f.message, de: f.message.de.replace('01.03.', '02.03.') })],
  ['no fixes', (f) => delete f.fixes],
  ['empty fixes', (f) => (f.fixes = [])],
  ['data', (f) => (f.data = { channel: 'instagram', from: '2027-03-02' })],
  ['no data', (f) => delete f.data],
];

const changed = (change: (f: Finding) => void): Finding => {
  const f = base();
  change(f);
  return f;
};

describe('findings by what they say (the engine memo)', () => {
  it('finds a finding that says the same: same hash, equal fields, a different rule or object', () => {
    const a = base();
    const b = { ...base(), rule: 'other' };
    assert.equal(sayingHash(a), sayingHash(b));
    assert.ok(sameSaying(a, b));
    const s = new Sayings();
    s.add(a, sayingHash(a));
    assert.equal(s.get(b, sayingHash(b)), a);
    s.add(b, sayingHash(b));
    assert.equal(s.get(b, sayingHash(b)), a, 'the first one kept stays');
  });

  it('tells apart findings that differ in any field', () => {
    for (const [what, change] of variants) {
      const a = base();
      const b = base();
      change(b);
      assert.ok(!sameSaying(a, b), what);
      assert.notEqual(sayingHash(a), sayingHash(b), what);
      const s = new Sayings();
      s.add(a, sayingHash(a));
      assert.equal(s.get(b, sayingHash(b)), undefined, what);
    }
  });

  it('keeps findings whose sayings share a hash apart, each found by its own saying', () => {
    const s = new Sayings();
    const all = [base(), ...variants.map(([, change]) => changed(change))];
    // One hash for all: the fields decide.
    for (const f of all) s.add(f, 7);
    for (const f of all) assert.equal(s.get({ ...f }, 7), f);
    assert.equal(s.get(base(), 8), undefined);
  });

  it('stays an unboxed integer', () => {
    for (const f of [base(), ...variants.map(([, change]) => changed(change))]) {
      const h = sayingHash(f);
      assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 30, String(h));
    }
  });
});
