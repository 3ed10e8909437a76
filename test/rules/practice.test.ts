/**
 * Issue 12 as a strategist meets it: a strategy of placeholders and vanity-only business
 * goals no longer passes; the municipal utility's WhatsApp channel "bei Bedarf" gets no
 * gap findings while its under-planned "3x/Woche" Instagram does; channels are named as
 * the strategy writes them. And the vocabulary tables the practice rules read.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadWorkspace, allFindings, describe1 } from '../helpers/fsworkspace';
import { cadenceOf, isPlaceholderOnly, resultKindOf, moneyOf } from '../../server/src/core/vocab-practice';
import { inferMode } from '../../server/src/core/vocab';
import { channelName } from '../../server/src/core/rules/channels';
import { repoRoot } from '../helpers/repo';

const FIXTURES = path.join(repoRoot(), 'test/fixtures');

describe('issue 12: the practice', () => {
  it('a strategy of placeholders and engagement-only sales goals no longer passes', () => {
    const dir = path.join(FIXTURES, 'practice', 'placeholders-de');
    const findings = allFindings(loadWorkspace(dir), '2027-02-15');
    const got = findings.map((f) => describe1(f, dir)).sort();
    assert.deepEqual(got, [
      'strategie.md:19:5 no-business-result',
      'strategie.md:31:5 audience-without-description',
      'strategie.md:41:5 channel-without-how',
      'strategie.md:41:5 channel-without-rationale',
      'strategie.md:44:4 missing-governance',
      'strategie.md:47:4 missing-meetings',
      'strategie.md:50:4 missing-guidelines',
      'strategie.md:53:4 missing-crisis-plan',
      'strategie.md:6:3 missing-budget',
    ]);
    // Each placeholder section's finding says that it is a placeholder, and which.
    for (const [rule, word] of [
      ['missing-governance', 'TBD'],
      ['missing-meetings', 'folgt'],
      ['missing-guidelines', 'k. A.'],
      ['missing-crisis-plan', '-'],
    ]) {
      const f = findings.find((x) => x.rule === rule)!;
      assert.match(f.message.de, new RegExp(`nur einen Platzhalter \\('${word.replace('.', '\\.')}'\\)`), f.message.de);
      assert.match(f.message.en, /holds only a placeholder/);
    }
  });

  it('municipal utility: WhatsApp "bei Bedarf" has no gap, the under-planned "3x/Woche" Instagram does', () => {
    const dir = path.join(FIXTURES, 'rules', 'below-cadence', 'fires-de-md-municipal');
    const ws = loadWorkspace(dir);
    const findings = allFindings(ws, '2027-02-15');
    const gaps = findings.filter((f) => f.rule === 'channel-gap');
    assert.ok(!gaps.some((f) => /whatsapp/i.test(f.message.en)), gaps.map((f) => f.message.en).join('\n'));
    assert.ok(gaps.length >= 1 && gaps.every((f) => f.message.en.includes('Instagram')), gaps.map((f) => f.message.en).join('\n'));
    const cadence = findings.filter((f) => f.rule === 'below-cadence');
    assert.equal(cadence.length, 1);
    assert.match(cadence[0].message.de, /^Instagram ist im Kanalplan mit '3x\/Woche' angegeben .*April 2027: 1, Mai 2027: 1 und Juni 2027: 1\./);
    // Facebook is planned weekly as declared: no gap or cadence finding about it.
    assert.ok(!findings.some((f) => (f.rule === 'channel-gap' || f.rule === 'below-cadence') && /Facebook/.test(f.message.en)));
    // No rule drowns the rest here either.
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    assert.ok((byRule.get('channel-gap') ?? 0) <= 2, `channel-gap ${byRule.get('channel-gap')}`);
  });

  it('names channels as the strategy writes them: "### WhatsApp (Kanal)" is WhatsApp', () => {
    const dir = path.join(FIXTURES, 'rules', 'below-cadence', 'fires-de-md-municipal');
    const project = loadWorkspace(dir).projects()[0];
    assert.equal(channelName(project, 'whatsapp'), 'WhatsApp');
    assert.equal(channelName(project, 'instagram'), 'Instagram');
    const findings = allFindings(loadWorkspace(dir), '2027-02-15');
    for (const f of findings) assert.doesNotMatch(f.message.en, /\binstagram\b|\(Kanal\)/, f.message.en);
  });

  it('reads declared cadences in German and English', () => {
    const perWeek = (s: string) => {
      const c = cadenceOf(s);
      return c === undefined ? undefined : c.asNeeded ? 'as needed' : Math.round(c.perWeek * 100) / 100;
    };
    assert.equal(perWeek('täglich'), 7);
    assert.equal(perWeek('3x/Woche'), 3);
    assert.equal(perWeek('3 Reels pro Woche'), 3);
    assert.equal(perWeek('wöchentlich'), 1);
    assert.equal(perWeek('2 per week'), 2);
    assert.equal(perWeek('1-2 posts a week, stories daily'), 1);
    assert.equal(perWeek('1 bis 2 Beiträge pro Woche'), 1);
    assert.equal(perWeek('2–3 Posts/Woche'), 2);
    assert.equal(perWeek('monthly'), 0.23);
    assert.equal(perWeek('alle zwei Wochen donnerstags'), 0.5);
    assert.equal(perWeek('freitags'), 1);
    assert.equal(perWeek('bei Bedarf'), 'as needed');
    assert.equal(perWeek('as needed'), 'as needed');
    assert.equal(perWeek('Reels, wenn es Neues gibt (bei Bedarf)'), 'as needed');
    assert.equal(perWeek('Reels und Karussells, locker und nahbar'), undefined);
  });

  it('counts placeholders as empty, and only placeholders', () => {
    for (const s of [
      'TBD',
      'TODO',
      'tbc',
      'folgt',
      'kommt noch',
      'k. A.',
      'n/a',
      '-',
      '–',
      '?',
      '…',
      'xxx',
      'Lorem ipsum dolor sit amet',
      '- TBD\n- TODO',
      '',
      '~',
    ]) {
      assert.ok(isPlaceholderOnly(s), JSON.stringify(s));
    }
    for (const s of ['Pendler 30-50', 'offen und ehrlich', 'TBD: Budget für Q3', 'k. A. zum Budget, aber 6 h/Woche', 'Todo-Liste der Redaktion pflegen']) {
      assert.ok(!isPlaceholderOnly(s), JSON.stringify(s));
    }
  });

  it('classifies business results from a vocabulary table', () => {
    assert.equal(resultKindOf('Probefahrten'), 'conversions');
    assert.equal(resultKindOf('Probefahrt-Anfragen'), 'leads');
    assert.equal(resultKindOf('vermiedene Hotline-Anrufe'), 'service');
    assert.equal(resultKindOf('tickets deflected'), 'service');
    assert.equal(resultKindOf('Bewerbungen'), 'applications');
    assert.equal(resultKindOf('repeat purchase rate'), 'retention');
    assert.equal(resultKindOf('Umsatz aus Social'), 'revenue');
    for (const s of ['Reichweite', 'Interaktionsrate', 'engagement rate', 'followers', 'impressions', 'likes', 'views'])
      assert.equal(resultKindOf(s), undefined, s);
    assert.equal(moneyOf('9.600 € für Anzeigen'), 9600);
    assert.equal(moneyOf('$4,000 a year'), 4000);
  });

  it('reads prize draws, giveaways, discounts and sales as push', () => {
    for (const title of [
      'Gewinnspiel: Wir verlosen eine Wallbox',
      'Verlosung zum Muttertag',
      'Rabatt auf Winterreifen',
      'Aktion: Klimacheck',
      'Summer giveaway',
      'Sale on winter tyres',
    ]) {
      assert.equal(inferMode(title, ''), 'push', title);
    }
    assert.equal(inferMode('Ein Tag mit Sabine in der Werkstatt', ''), 'people');
  });
});
