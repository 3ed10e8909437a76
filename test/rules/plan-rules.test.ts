/**
 * What the fixtures of the editorial-plan rules cannot say by position alone: the text a
 * fix writes, the choices it offers, and the numbers and scope a message names.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadWorkspace, allFindings } from '../helpers/fsworkspace';
import { applyEdits } from '../helpers/edits';
import type { Finding } from '../../server/src/core/engine';
import { repoRoot } from '../helpers/repo';

const FIX = path.join(repoRoot(), 'test/fixtures/rules');

function findings(rule: string, c: string, today = '2027-02-15'): { list: Finding[]; text: (uri: string) => string } {
  const ws = loadWorkspace(path.join(FIX, rule, c));
  const list = allFindings(ws, today).filter((f) => f.rule === rule);
  return { list, text: (uri) => ws.get(uri)!.text };
}

/** The lines a fix changes, after it is applied. */
function fixed(f: Finding, text: (uri: string) => string, i = 0): string[] {
  const fix = f.fixes?.[i];
  assert.ok(fix, `no fix ${i}`);
  const e = fix.edits[0];
  const before = text(e.uri).split('\n');
  const after = applyEdits(text(e.uri), e.edits).split('\n');
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let z = 0;
  while (z < before.length - a && z < after.length - a && before[before.length - 1 - z] === after[after.length - 1 - z]) z++;
  return after.slice(a, after.length - z);
}

describe('editorial-plan rules: messages and fixes', () => {
  it('push-ratio names the count, the share, the scope and the rule', () => {
    const { list } = findings('push-ratio', 'fires-strong-de-md');
    const fb = list.find((f) => f.message.en.includes('Facebook'));
    assert.ok(fb);
    assert.equal(fb.message.en, '7 of 12 entries on Facebook are push (58 %), more than the 20 % of the 80/20 rule and more than a third (rule of thirds).');
    assert.equal(
      fb.message.de,
      '7 von 12 Einträgen auf Facebook sind Push (58 %), mehr als die 20 % der 80/20-Regel und mehr als ein Drittel (Drittel-Regel).',
    );
    const month = findings('push-ratio', 'fires-month-en-md').list[0];
    assert.match(month.message.en, /^3 of 10 entries in March 2027 are push \(30 %\), more than the 20 % of the 80\/20 rule\.$/);
    assert.match(month.message.de, /im März 2027/);
    const mixed = findings('push-ratio', 'fires-mixed-half-once-de-yaml').list;
    assert.equal(mixed.length, 1, 'one channel and one month say the same as the plan: reported once');
    assert.match(mixed[0].message.en, /^2\.5 of 10 entries in this plan/);
    assert.match(mixed[0].message.de, /^2,5 von 10 Einträgen in diesem Plan/);
    const opts = findings('push-ratio', 'config-options-en-yaml')
      .list.map((f) => f.message.en)
      .sort();
    assert.deepEqual(opts, [
      '4 of 5 entries on linkedin are push (80 %), more than the 40 % allowed (max) and more than 70 % (strongMax).',
      '6 of 10 entries in this plan are push (60 %), more than the 40 % allowed (max).',
    ]);
  });

  it("entry-without-goal offers the goals of the entry's channel and writes the chosen one", () => {
    const { list, text } = findings('entry-without-goal', 'fires-en-yaml-fix');
    const meet = list.find((f) => f.message.en.startsWith("'Meet the workshop team'"))!;
    assert.deepEqual(
      meet.fixes!.map((x) => x.title.en),
      ['Serve goal G1: More test drives', 'Serve goal G2: Known in the region'],
    );
    assert.deepEqual(fixed(meet, text, 1), ['    goal: G2']);
    const poll = list.find((f) => f.message.en.startsWith("'Poll on wallboxes'"))!;
    assert.deepEqual(fixed(poll, text), ['  - { date: 2027-01-08, channel: linkedin, title: Poll on wallboxes, mode: dialog, goal: G2 }']);
    const md = findings('entry-without-goal', 'fires-de-md-fix');
    const anna = md.list.find((f) => f.message.de.startsWith("'Ein Tag mit Anna'"))!;
    assert.deepEqual(fixed(anna, md.text), ['| 2027-01-04 | instagram | Ein Tag mit Anna      | Menschen   | G1   |          |']);
    assert.equal(anna.fixes![0].title.de, 'Ziel G1 zuordnen: Mehr Probefahrten für E-Autos');
    for (const f of findings('entry-without-goal', 'fires-md-no-column-en').list) assert.equal(f.fixes, undefined);
    for (const f of findings('entry-without-goal', 'fires-no-strategy-de-yaml').list) assert.equal(f.fixes, undefined);
  });

  it("mode-inferred names the word and writes the mode in the document's language", () => {
    const de = findings('mode-inferred', 'fires-de-md-fix');
    const offer = de.list.find((f) => f.message.en.includes("'Frühjahrsangebot'"))!;
    assert.match(offer.message.en, /^Mode 'push' was inferred from 'Frühjahrsangebot' in the title; it counts as push for push-ratio\./);
    assert.deepEqual(fixed(offer, de.text), ['| 2027-03-04 | instagram | Frühjahrsangebot für Probefahrten | Werbung  | G1   |']);
    const yde = findings('mode-inferred', 'fires-de-yaml-format');
    assert.match(yde.list[0].message.en, /from 'Pressemitteilung' in the format/);
    assert.deepEqual(fixed(yde.list[0], yde.text), ['    modus: Werbung']);
    const en = findings('mode-inferred', 'fires-en-yaml-fix');
    assert.deepEqual(fixed(en.list[0], en.text), ['    mode: push']);
    for (const f of findings('mode-inferred', 'fires-md-no-column-en').list) assert.equal(f.fixes, undefined);
  });

  it('untracked-link adds utm_source and utm_campaign before the fragment', () => {
    const { list, text } = findings('untracked-link', 'fires-en-yaml-fix');
    const lines = list.map((f) => fixed(f, text)[0].trim());
    assert.deepEqual(lines, [
      'link: https://autohaus.example/probefahrt?utm_source=instagram&utm_campaign=g1',
      'link: "https://autohaus.example/fruehling?ref=fb&utm_source=facebook&utm_campaign=spring-2027#form"',
      '- { date: 2027-03-09, channel: instagram, title: Via KPI, kpi: K1, link: http://autohaus.example/x?utm_source=instagram&utm_campaign=g1 }',
    ]);
    const md = findings('untracked-link', 'fires-de-md-fix');
    assert.deepEqual(
      md.list.map((f) => fixed(f, md.text)[0]),
      [
        '| 2027-03-04 | instagram | Probefahrt buchen | G1 | Frühling 2027 | https://autohaus.example/probefahrt?utm_source=instagram&utm_campaign=fruehling-2027 |',
        '| 2027-03-05 | facebook | Anmeldung | G1 | | [Jetzt anmelden](https://autohaus.example/termin?utm_source=facebook&utm_campaign=g1#top) |',
      ],
    );
  });

  it('channel-gap gives the days and the dates of the gap', () => {
    const msgs = findings('channel-gap', 'fires-en-yaml-between').list.map((f) => f.message.en);
    assert.equal(msgs[0], 'No instagram entry for 23 days (2027-01-12 to 2027-02-04), more than the 14 days allowed.');
    const de = findings('channel-gap', 'fires-de-md-edges').list.map((f) => f.message.de);
    assert.deepEqual(de, [
      '19 Tage lang kein Eintrag auf Facebook (Beginn des Zeitraums 2027-01-01 bis 2027-01-20), mehr als die erlaubten 14 Tage.',
      '37 Tage lang kein Eintrag auf Facebook (2027-02-01 bis 2027-03-10), mehr als die erlaubten 14 Tage.',
      '21 Tage lang kein Eintrag auf Facebook (2027-03-10 bis Ende des Zeitraums 2027-03-31), mehr als die erlaubten 14 Tage.',
    ]);
  });

  it('date-outside-period names whose period it is', () => {
    assert.match(findings('date-outside-period', 'fires-en-yaml-plan-period').list[0].message.en, /before the plan's period \(2027-01-01\.\.2027-03-31\)/);
    assert.match(
      findings('date-outside-period', 'fires-de-md-strategy-period').list[0].message.de,
      /nach Ende des Zeitraums der Strategie \(2027-01-01\.\.2027-12-31\)/,
    );
  });
});
