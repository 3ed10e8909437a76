/** core/dates.ts: the one place that checks and counts calendar days. */
import * as assert from 'node:assert/strict';
import { addDays, daysBetween, isIsoDate, isoFromParts, lastDayOf, monthIndex, monthKey, todayIso } from '../../server/src/core/dates';
import { parseDate } from '../../server/src/core/parse/build';
import { isIsoDate as cliIsIsoDate } from '../../server/src/cli/check';

describe('core/dates', () => {
  it('an ISO day must exist: 29 February only in leap years, no 31 April, no short forms', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2027-02-29'), false);
    assert.equal(isIsoDate('2100-02-29'), false);
    assert.equal(isIsoDate('2027-04-31'), false);
    assert.equal(isIsoDate('2027-4-1'), false);
    assert.equal(isIsoDate('2027-13-01'), false);
    assert.equal(isIsoDate('0099-01-01'), false);
    assert.equal(isIsoDate(' 2027-01-01'), false);
    assert.equal(isIsoDate(undefined), false);
    assert.equal(isoFromParts(2027, 4, 31), undefined);
    assert.equal(isoFromParts(2027, 3, 5), '2027-03-05');
  });

  it('the CLI, the reader and the preview agree on what a date is', () => {
    for (const s of ['2028-02-29', '2027-02-29', '2027-04-31', '2027-12-31', '2027-00-10']) {
      assert.equal(cliIsIsoDate(s), isIsoDate(s), s);
      assert.equal(parseDate(s) === s, isIsoDate(s), s);
    }
    assert.equal(parseDate('29.02.2028'), '2028-02-29');
    assert.equal(parseDate('29.02.2027'), undefined);
    assert.equal(parseDate('1.3.2027'), '2027-03-01');
  });

  it('counts days in UTC: a daylight-saving change is no shorter day', () => {
    assert.equal(daysBetween('2027-03-27', '2027-03-29'), 2);
    assert.equal(daysBetween('2027-10-30', '2027-11-01'), 2);
    assert.equal(daysBetween('2027-12-31', '2027-01-01'), -364);
    assert.equal(daysBetween('2028-01-01', '2029-01-01'), 366);
    assert.equal(addDays('2027-02-27', 2), '2027-03-01');
    assert.equal(addDays('2028-02-27', 2), '2028-02-29');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
  });

  it('months: last days, indexes and keys', () => {
    assert.equal(lastDayOf('2027-02'), '2027-02-28');
    assert.equal(lastDayOf('2028-02'), '2028-02-29');
    assert.equal(lastDayOf('2027-12'), '2027-12-31');
    assert.equal(monthKey(monthIndex('2027-12-05')), '2027-12');
    assert.equal(monthKey(monthIndex('2027-12') + 1), '2028-01');
  });

  it('today is the local calendar day', () => {
    assert.equal(todayIso(new Date(2027, 0, 5, 23, 59)), '2027-01-05');
    assert.equal(todayIso(new Date(2027, 0, 6, 0, 1)), '2027-01-06');
  });
});
