/**
 * The preview model (server/src/preview/model.ts) on fixture workspaces in German and
 * English, on the sample workspaces of examples/, and on bad input: a strategy without
 * plans, a plan without a strategy, empty files, a period of several years and a plan of
 * 5,000 entries. The model must always be built, plain JSON, bounded in size, and say
 * plainly what is missing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as pkgVersion } from '../../package.json';
import { EXAMPLES, FIXTURES, SMALL_STRATEGY, bigPlan, build, buildFor, tempWorkspace } from './util';
import { MAX_FINDINGS_PER_RULE, MAX_MONTHS, MAX_PER_DAY, type CalendarDay, type PreviewModel, type PreviewSection } from '../../server/src/preview/model';

const NBSP = '\u00a0';

function byKey(list: PreviewSection[], key: string): PreviewSection {
  const s = list.find((x) => x.key === key);
  assert.ok(s, `section ${key}`);
  return s;
}

function day(m: PreviewModel, date: string): CalendarDay {
  for (const month of m.calendar.months) for (const w of month.weeks) for (const d of w) if (d.inMonth && d.date === date) return d;
  assert.fail(`no day ${date} in the calendar`);
}

/** Only plain objects, arrays, strings, finite numbers, booleans and null: what JSON carries unchanged. */
function assertPlain(v: unknown, at = 'model'): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    assert.ok(Number.isFinite(v), `${at} is not a finite number`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertPlain(x, `${at}[${i}]`));
    return;
  }
  assert.equal(typeof v, 'object', `${at} is a ${typeof v}`);
  assert.equal(Object.getPrototypeOf(v), Object.prototype, `${at} is not a plain object`);
  for (const [k, x] of Object.entries(v as object)) if (x !== undefined) assertPlain(x, `${at}.${k}`);
}

function roundTrips(m: PreviewModel): void {
  assertPlain(m);
  const again = JSON.parse(JSON.stringify(m));
  assert.deepEqual(again, JSON.parse(JSON.stringify(again)));
}

describe('preview model', () => {
  describe('German fixture (Markdown strategy and plan, default limits)', () => {
    const { model: m, uri } = build(path.join(FIXTURES, 'de'), '2027-02-15');

    it("speaks the strategy's language and names its documents", () => {
      assert.equal(m.lang, 'de');
      assert.equal(m.title, 'Social-Media-Strategie 2027 – Autohaus Probe');
      assert.equal(m.strategy?.path, 'strategie.md');
      assert.deepEqual(
        m.plans.map((p) => p.path),
        ['plaene/q1.plan.md'],
      );
      assert.equal(m.plans[0].entries, 24);
      assert.deepEqual(m.missing, []);
      roundTrips(m);
    });

    it('shows the eight steps in order with their states and what they hold', () => {
      assert.deepEqual(
        m.steps.map((s) => s.key),
        ['team', 'listening', 'goals', 'kpis', 'audiences', 'value', 'faces', 'channels'],
      );
      assert.deepEqual(
        m.steps.map((s) => s.step),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      assert.deepEqual(
        m.steps.map((s) => s.state),
        ['complete', 'thin', 'complete', 'complete', 'complete', 'missing', 'complete', 'complete'],
      );
      assert.deepEqual(
        m.steps.map((s) => s.label),
        ['Team', 'Zuhören', 'Ziele', 'Kennzahlen', 'Zielgruppen', 'Mehrwert', 'Gesichter', 'Kanalplan'],
      );
      const goals = byKey(m.steps, 'goals');
      assert.deepEqual({ goals: goals.figures.goals, primary: goals.figures.primary }, { goals: 3, primary: 1 });
      assert.equal(goals.holds, '3 Ziele · 1 primär');
      const kpis = byKey(m.steps, 'kpis');
      assert.deepEqual({ kpis: kpis.figures.kpis, smart: kpis.figures.smart }, { kpis: 5, smart: 3 });
      assert.equal(kpis.holds, '5 Kennzahlen · 3 SMART');
      assert.equal(byKey(m.steps, 'team').holds, '3 Personen · 3 Bereiche');
      assert.equal(byKey(m.steps, 'channels').figures.channels, 3);
      assert.equal(byKey(m.steps, 'audiences').figures.audiences, 2);
      assert.equal(byKey(m.steps, 'faces').figures.faces, 2);
      assert.equal(byKey(m.steps, 'listening').stateLabel, 'dünn');
      assert.match(byKey(m.steps, 'listening').note ?? '', /Platzhalter/);
    });

    it("carries each section's range, and for a missing step where it would go", () => {
      const goals = byKey(m.steps, 'goals');
      assert.equal(goals.loc?.uri, uri('strategie.md'));
      assert.equal(goals.loc?.range.start.line, 20); // "## 3. Ziele" is line 21
      assert.equal(goals.heading, 'Ziele');
      assert.ok(goals.section!.range.end.line > goals.section!.range.start.line);
      const value = byKey(m.steps, 'value');
      assert.equal(value.loc, undefined);
      assert.equal(value.insert?.heading, '## 6. Mehrwert');
      assert.equal(value.insert?.uri, uri('strategie.md'));
      assert.equal(value.insert?.position.line, 53); // before "## 7. Gesichter" (line 54)
      assert.match(value.note ?? '', /'## 6\. Mehrwert' vor '7\. Gesichter' einfügen \(Zeile 54\)/);
    });

    it('shows governance, meetings, guidelines and the crisis plan the same way', () => {
      assert.deepEqual(
        m.others.map((s) => [s.key, s.state]),
        [
          ['governance', 'complete'],
          ['guidelines', 'thin'],
          ['meetings', 'missing'],
          ['crisis', 'missing'],
        ],
      );
      assert.equal(byKey(m.others, 'meetings').insert?.heading, '## Redaktionskonferenz');
      assert.equal(byKey(m.others, 'governance').step, undefined);
    });

    it('links goals to their KPIs (business / intermediate / vanity, SMART) and to the entries serving them', () => {
      assert.deepEqual(
        m.goals.map((g) => [g.id, g.type, g.primary]),
        [
          ['Z1', 'conversion', true],
          ['Z2', 'awareness', false],
          ['Z3', 'employer-branding', false],
        ],
      );
      assert.equal(m.goals[0].typeLabel, 'Abverkauf');
      const z1 = m.goals[0];
      assert.deepEqual(
        z1.kpis.map((k) => [k.id, k.metricClass, k.smart, k.missing]),
        [
          ['K1', 'business', true, []],
          ['K2', 'business', false, ['baseline']],
        ],
      );
      assert.equal(z1.kpis[1].missingLabel, 'Ausgangswert');
      assert.deepEqual(
        m.goals[1].kpis.map((k) => [k.id, k.metricClass, k.smart]),
        [
          ['K3', 'vanity', true],
          ['K5', 'intermediate', true],
        ],
      );
      assert.deepEqual(
        m.goals[2].kpis.map((k) => [k.id, k.missing]),
        [['K4', ['source']]],
      );
      assert.equal(m.goals[1].kpis[0].classLabel, 'Vanity-Kennzahl');
      // Entries by mode.
      assert.equal(z1.entries, 13);
      assert.deepEqual(
        z1.byMode.map((x) => [x.mode, x.count]),
        [
          ['push', 6],
          ['mixed', 1],
          ['story', 1],
          ['service', 5],
        ],
      );
      assert.equal(z1.push, 6.5);
      assert.equal(z1.share, 0.5);
      assert.deepEqual([m.goals[1].entries, m.goals[2].entries], [7, 3]);
      assert.deepEqual(m.goals[2].byMode, [{ mode: 'people', label: 'Menschen', count: 3 }]);
      assert.equal(m.entriesWithoutGoal, 1);
      assert.deepEqual(m.unlinkedKpis, []);
    });

    it('gives the push share per plan, channel and month against the default limit', () => {
      const mix = m.mix;
      assert.deepEqual([mix.max, mix.strongMax, mix.minEntries], [0.2, 0.33, 10]);
      assert.match(mix.limitText, new RegExp(`höchstens 20${NBSP}% Push \\(80/20-Regel\\)`));
      assert.deepEqual([mix.total.count, mix.total.push, mix.total.share, mix.total.state], [24, 7.5, 0.3125, 'over']);
      assert.deepEqual(
        mix.plans.map((r) => [r.label, r.count, r.push, r.state]),
        [['Redaktionsplan Q1 2027', 24, 7.5, 'over']],
      );
      assert.deepEqual(
        mix.channels.map((r) => [r.key, r.label, r.count, r.push, r.state]),
        [
          ['instagram', 'Instagram', 13, 5.5, 'strong'],
          ['facebook', 'Facebook', 8, 1, 'few'],
          ['newsletter', 'Newsletter', 3, 1, 'few'],
        ],
      );
      assert.deepEqual(
        mix.months.map((r) => [r.key, r.label, r.count, r.push, r.state]),
        [
          ['2027-01', 'Januar 2027', 8, 1, 'few'],
          ['2027-02', 'Februar 2027', 6, 0, 'few'],
          ['2027-03', 'März 2027', 10, 6.5, 'strong'],
        ],
      );
      assert.equal(mix.months[2].share, 0.65);
      assert.deepEqual(
        mix.total.byMode.map((x) => [x.mode, x.count]),
        [
          ['push', 7],
          ['mixed', 1],
          ['story', 2],
          ['dialog', 3],
          ['service', 5],
          ['people', 5],
          ['ugc', 1],
        ],
      );
    });

    it('lays out the calendar by month, Monday first, with today, gaps and flagged entries', () => {
      const cal = m.calendar;
      assert.deepEqual(cal.period, { start: '2027-01-01', end: '2027-03-31', of: 'plan' });
      assert.equal(cal.maxGapDays, 14);
      assert.deepEqual(
        cal.months.map((x) => [x.key, x.label, x.entries]),
        [
          ['2027-01', 'Januar 2027', 8],
          ['2027-02', 'Februar 2027', 6],
          ['2027-03', 'März 2027', 10],
        ],
      );
      const jan = cal.months[0];
      assert.equal(jan.weeks.length, 5);
      assert.ok(jan.weeks.every((w) => w.length === 7));
      assert.equal(jan.weeks[0][0].date, '2026-12-28'); // the Monday before Friday 1 January
      assert.equal(jan.weeks[0][0].inMonth, false);
      assert.equal(jan.weeks[0][4].date, '2027-01-01');
      assert.equal(day(m, '2027-02-15').today, true);
      assert.equal(day(m, '2027-02-16').today, false);
      // Entries with mode, letter and label (colour is never the only signal).
      const e = day(m, '2027-01-14').entries[0];
      assert.deepEqual([e.mode, e.letter, e.modeLabel, e.channel, e.title], ['push', 'Pu', 'Push', 'Instagram', 'Neues E-Modell: Probefahrt buchen']);
      assert.equal(e.link, 'https://autohaus.example/probefahrt?utm_source=instagram&utm_campaign=emodell');
      assert.equal(day(m, '2027-01-06').entries[0].letter, 'Di');
      // Gaps of the newsletter, as channel-gap counts them.
      assert.deepEqual(
        cal.gaps.map((g) => [g.channel, g.from, g.to, g.days]),
        [
          ['Newsletter', '2027-01-08', '2027-02-03', 26],
          ['Newsletter', '2027-02-03', '2027-03-03', 28],
          ['Newsletter', '2027-03-03', '2027-03-31', 28],
        ],
      );
      assert.deepEqual(day(m, '2027-01-20').gaps, ['Newsletter']);
      assert.deepEqual(day(m, '2027-01-09').gapStarts, [{ channel: 'Newsletter', days: 26 }]);
      assert.deepEqual(day(m, '2027-01-08').gaps, []);
      assert.deepEqual(day(m, '2027-02-03').gaps, []);
      // Entries with problems: findings inside the entry's range.
      const easter = day(m, '2027-03-29').entries[0];
      assert.equal(easter.mode, 'push');
      assert.equal(easter.inferred, true);
      assert.ok(easter.problems >= 2);
      assert.ok(easter.rules.includes('entry-without-goal') && easter.rules.includes('mode-inferred'), easter.rules.join());
      assert.equal(easter.worst, 'warning');
      assert.ok(day(m, '2027-03-10').entries[0].rules.includes('untracked-link'));
      assert.ok(day(m, '2027-02-08').entries[0].rules.includes('self-review'));
      // The first Instagram entry carries the channel's below-cadence finding (3 a week declared).
      assert.deepEqual(day(m, '2027-01-04').entries[0].rules, ['below-cadence']);
      assert.equal(day(m, '2027-01-04').entries[0].loc.uri, uri('plaene/q1.plan.md'));
      assert.equal(day(m, '2027-01-04').entries[0].loc.range.start.line, 11);
      assert.deepEqual([cal.undated, cal.outside], [0, 0]);
      assert.deepEqual(
        cal.legend.map((l) => l.letter),
        ['Pu', 'Gm', 'Ge', 'Di', 'Se', 'Me', 'Co', '?'],
      );
    });

    it("groups the findings by rule, most severe first, in German with the rule's page", () => {
      const rules = m.findings.map((g) => g.rule);
      assert.deepEqual(rules.slice(0, 3), ['missing-step', 'empty-step', 'missing-crisis-plan']);
      const sev = m.findings.map((g) => g.severity);
      const rank = { error: 0, warning: 1, information: 2, hint: 3 };
      assert.ok(
        sev.every((s, i) => i === 0 || rank[sev[i - 1]] <= rank[s]),
        sev.join(),
      );
      const gap = m.findings.find((g) => g.rule === 'channel-gap')!;
      assert.equal(gap.count, 3);
      assert.equal(gap.items.length, 3);
      assert.equal(gap.docsUrl, `https://github.com/stratdoc/stratdoc/blob/v${pkgVersion}/docs/rules/channel-gap.md`);
      assert.match(gap.items[0].message, /26 Tage lang kein Eintrag auf newsletter/i);
      assert.equal(gap.items[0].path, 'plaene/q1.plan.md');
      assert.match(gap.description, /Kanal/);
      const push = m.findings.find((g) => g.rule === 'push-ratio')!;
      assert.equal(push.count, 3);
      assert.deepEqual(m.totals, { errors: 0, warnings: 8, infos: 10, hints: 1, entries: 24 });
    });

    it('speaks English when asked to', () => {
      const en = build(path.join(FIXTURES, 'de'), '2027-02-15', 'en').model;
      assert.equal(en.lang, 'en');
      assert.equal(byKey(en.steps, 'listening').label, 'Listening');
      assert.equal(byKey(en.steps, 'listening').stateLabel, 'thin');
      assert.equal(byKey(en.steps, 'goals').holds, '3 goals · 1 primary');
      assert.equal(en.calendar.months[0].label, 'January 2027');
      assert.match(en.findings.find((g) => g.rule === 'channel-gap')!.items[0].message, /No newsletter entry for 26 days/i);
    });

    it('gives the same project for the plan', () => {
      const { model } = buildFor(path.join(FIXTURES, 'de'), 'plaene/q1.plan.md', '2027-02-15');
      assert.equal(model.focusUri, uri('plaene/q1.plan.md'));
      assert.equal(model.strategy?.path, 'strategie.md');
      assert.equal(model.steps.length, 8);
    });
  });

  describe('English fixture (YAML strategy, a YAML and a Markdown plan, configured limits)', () => {
    const { model: m } = build(path.join(FIXTURES, 'en'), '2027-04-15');

    it('reads the configured limits', () => {
      assert.equal(m.lang, 'en');
      assert.deepEqual([m.mix.max, m.mix.strongMax, m.mix.minEntries, m.calendar.maxGapDays], [0.25, 0.4, 6, 21]);
      assert.match(m.mix.limitText, new RegExp(`at most 25${NBSP}% push; above 40${NBSP}% \\(strongMax\\)`));
      roundTrips(m);
    });

    it('has every step and section complete', () => {
      assert.ok(
        m.steps.every((s) => s.state === 'complete'),
        m.steps.map((s) => `${s.key}:${s.state}`).join(),
      );
      assert.ok(m.others.every((s) => s.state === 'complete'));
      assert.equal(byKey(m.steps, 'team').holds, '4 people · 4 departments');
      assert.equal(byKey(m.steps, 'kpis').holds, '3 KPIs · 2 SMART');
      assert.equal(byKey(m.steps, 'faces').holds, '2 faces');
      assert.match(byKey(m.steps, 'value').holds, /^\d+ words$/);
    });

    it('lists a KPI that measures no goal, with what keeps it from being SMART', () => {
      assert.deepEqual(
        m.unlinkedKpis.map((k) => [k.id, k.metricClass, k.smart, k.missingLabel]),
        [['K3', 'vanity', false, 'baseline, deadline, source']],
      );
      assert.deepEqual(
        m.goals.map((g) => [g.id, g.entries, g.push]),
        [
          ['G1', 6, 4],
          ['G2', 8, 0],
        ],
      );
    });

    it('judges each plan, channel and month against its own limit', () => {
      assert.deepEqual(
        m.mix.plans.map((r) => [r.label, r.count, r.push, r.state]),
        [
          ['Content plan April 2027', 8, 3, 'over'],
          ['Content plan May 2027', 6, 1, 'ok'],
        ],
      );
      assert.deepEqual(
        m.mix.channels.map((r) => [r.key, r.count, r.state]),
        [
          ['instagram', 9, 'ok'],
          ['newsletter', 4, 'few'],
          ['linkedin', 1, 'few'],
        ],
      );
      assert.deepEqual(
        m.mix.months.map((r) => [r.key, r.state]),
        [
          ['2027-04', 'over'],
          ['2027-05', 'ok'],
        ],
      );
      assert.equal(m.mix.total.state, 'over');
    });

    it("spans the calendar over both plans' periods and marks the LinkedIn gap", () => {
      assert.deepEqual(m.calendar.period, { start: '2027-04-01', end: '2027-05-31', of: 'plan' });
      assert.deepEqual(
        m.calendar.months.map((x) => [x.key, x.entries]),
        [
          ['2027-04', 8],
          ['2027-05', 6],
        ],
      );
      assert.deepEqual(
        m.calendar.gaps.map((g) => [g.channel, g.from, g.to, g.days]),
        [['linkedin', '2027-04-05', '2027-04-30', 25]],
      );
      assert.deepEqual(day(m, '2027-04-20').gaps, ['linkedin']);
      assert.deepEqual(day(m, '2027-05-20').gaps, []);
      assert.equal(day(m, '2027-04-15').today, true);
      assert.equal(day(m, '2027-05-12').entries[0].letter, 'Ug');
    });

    it('groups its findings', () => {
      const rules = m.findings.map((g) => g.rule);
      assert.ok(rules.includes('push-ratio') && rules.includes('kpi-without-goal') && rules.includes('channel-gap'), rules.join());
      assert.match(m.findings.find((g) => g.rule === 'push-ratio')!.items[0].message, /3 of 8 entries in this plan are push/);
    });
  });

  describe('the sample workspaces of examples/', () => {
    const ah = path.join(EXAMPLES, 'autohaus-de');
    const bakery = path.join(EXAMPLES, 'bakery-en');

    it('autohaus-de: every step complete, two plans over six months', function () {
      if (!fs.existsSync(path.join(ah, 'strategie.md'))) this.skip();
      const { model: m, ws } = build(ah, '2027-02-15');
      assert.equal(m.lang, 'de');
      assert.ok(
        m.steps.every((s) => s.state === 'complete'),
        m.steps.map((s) => `${s.key}:${s.state}`).join(),
      );
      assert.ok(m.others.every((s) => s.state === 'complete'));
      const project = ws.projects()[0];
      assert.equal(m.goals.length, project.goals.length);
      assert.equal(m.goals.filter((g) => g.primary).length, 1);
      assert.equal(byKey(m.steps, 'kpis').figures.kpis, project.kpis.length);
      assert.equal(m.plans.length, 2);
      let live = 0;
      for (const { entry } of project.entries()) if (entry.status?.value !== 'cancelled') live++;
      assert.equal(m.mix.total.count, live);
      assert.deepEqual(
        m.calendar.months.map((x) => x.key),
        ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'],
      );
      // The README plants a push-ratio finding for March.
      assert.equal(m.mix.months.find((r) => r.key === '2027-03')?.state !== 'ok', true);
      assert.ok(m.findings.some((g) => g.rule === 'push-ratio'));
      roundTrips(m);
    });

    it('bakery-en: English, a thin listening step, the configured 35-day gap', function () {
      if (!fs.existsSync(path.join(bakery, 'strategy.yaml'))) this.skip();
      const { model: m } = build(bakery, '2027-02-15');
      assert.equal(m.lang, 'en');
      assert.equal(byKey(m.steps, 'listening').state, 'thin');
      assert.equal(m.calendar.maxGapDays, 35);
      assert.equal(m.steps.length, 8);
      assert.ok(m.findings.some((g) => g.rule === 'empty-step'));
    });
  });

  describe('bad input', () => {
    it('a strategy without plans: steps and goals, and a plain "no plan"', () => {
      const t = tempWorkspace({ 'social.strategy.md': SMALL_STRATEGY });
      try {
        const { model: m } = build(t.dir, '2027-02-15');
        assert.equal(m.plans.length, 0);
        assert.equal(m.steps.length, 8);
        assert.deepEqual(
          m.steps.map((s) => s.state),
          ['complete', 'missing', 'complete', 'complete', 'missing', 'missing', 'missing', 'complete'],
        );
        assert.ok(
          m.missing.some((x) => /^No editorial plan/.test(x)),
          m.missing.join('\n'),
        );
        assert.equal(m.mix.total.count, 0);
        assert.deepEqual(m.calendar.months, []);
        assert.equal(m.goals[0].entries, 0);
        roundTrips(m);
      } finally {
        t.cleanup();
      }
    });

    it('a plan without a strategy: a calendar from its entries, and a plain "no strategy"', () => {
      const t = tempWorkspace({
        'alone.plan.md':
          '# Plan\n\n| Datum | Kanal | Thema | Modus |\n|---|---|---|---|\n| 2027-03-02 | Instagram | Angebot der Woche | Werbung |\n| 2027-04-20 | Instagram | Hinter den Kulissen | Menschen |\n',
      });
      try {
        const { model: m } = build(t.dir, '2027-02-15', 'de');
        assert.equal(m.strategy, undefined);
        assert.equal(m.plans.length, 1);
        assert.ok(
          m.missing.some((x) => /^Keine Strategie: Dieser Plan hat kein `strategy:`/.test(x)),
          m.missing.join('\n'),
        );
        assert.ok(m.steps.every((s) => s.state === 'missing'));
        assert.deepEqual(m.goals, []);
        assert.deepEqual(m.calendar.period, { start: '2027-03-02', end: '2027-04-20', of: 'entries' });
        assert.deepEqual(
          m.calendar.months.map((x) => x.key),
          ['2027-03', '2027-04'],
        );
        assert.deepEqual([m.mix.total.count, m.mix.total.push], [2, 1]);
        assert.equal(m.entriesWithoutGoal, 2);
        roundTrips(m);
      } finally {
        t.cleanup();
      }
    });

    it('plans with and without a period: the calendar covers both', () => {
      const t = tempWorkspace({
        'strategy.md': SMALL_STRATEGY.replace('period: 2027-01-01..2027-12-31\n', ''),
        'jan.plan.yaml':
          'stratdoc: plan\nperiod: 2027-01-01..2027-01-31\nentries:\n  - { date: 2027-01-05, channel: instagram, title: A, mode: story, goal: G1 }\n',
        'mar.plan.yaml':
          'stratdoc: plan\nentries:\n  - { date: 2027-03-03, channel: instagram, title: B, mode: push, goal: G1 }\n  - { date: 2027-03-20, channel: instagram, title: C, mode: people, goal: G1 }\n',
      });
      try {
        const { model: m } = build(t.dir, '2027-02-15');
        assert.deepEqual(m.calendar.period, { start: '2027-01-01', end: '2027-03-20', of: 'entries' });
        assert.deepEqual(
          m.calendar.months.map((x) => [x.key, x.entries]),
          [
            ['2027-01', 1],
            ['2027-02', 0],
            ['2027-03', 2],
          ],
        );
        assert.equal(m.calendar.outside, 0);
        assert.equal(day(m, '2027-03-25').inPeriod, false);
      } finally {
        t.cleanup();
      }
    });

    it('a plan naming a strategy that is not there', () => {
      const t = tempWorkspace({
        'p.plan.yaml': 'stratdoc: plan\nstrategy: ../nowhere.md\nentries:\n  - { date: 2027-01-05, channel: instagram, title: Hallo, mode: story }\n',
      });
      try {
        const { model: m } = build(t.dir, '2027-02-15', 'en');
        assert.ok(
          m.missing.some((x) => x.includes("'../nowhere.md'") && /no strategy document there/.test(x)),
          m.missing.join('\n'),
        );
      } finally {
        t.cleanup();
      }
    });

    it('empty files: an empty plan and an empty strategy', () => {
      const t = tempWorkspace({ 'empty.strategy.md': '', 'empty.plan.md': '' });
      try {
        const { model: m } = build(t.dir, '2027-02-15', 'en');
        assert.ok(
          m.missing.some((x) => /^The strategy 'empty\.strategy\.md' is empty/.test(x)),
          m.missing.join('\n'),
        );
        assert.ok(
          m.missing.some((x) => /^The plan 'empty\.plan\.md' has no entries yet/.test(x)),
          m.missing.join('\n'),
        );
        assert.ok(m.steps.every((s) => s.state === 'missing'));
        assert.ok(
          m.steps.every((s) => s.insert && s.note),
          'a missing step says where it would go',
        );
        assert.deepEqual(m.calendar.months, []);
        roundTrips(m);
      } finally {
        t.cleanup();
      }
    });

    it('a file that is no document at all still gets a model that says so', () => {
      const t = tempWorkspace({ 'notes.md': '', 'README.md': '# Hello\n' });
      try {
        for (const f of ['notes.md', 'README.md']) {
          const { model: m, uri } = buildFor(t.dir, f, '2027-02-15', 'de');
          assert.equal(m.focusUri, uri);
          assert.match(m.missing[0], /ist weder eine Strategie noch ein Redaktionsplan/);
          assert.deepEqual([m.steps.length, m.plans.length, m.calendar.months.length, m.findings.length], [0, 0, 0, 0]);
          roundTrips(m);
        }
      } finally {
        t.cleanup();
      }
    });

    it('a period of seven years: 24 months around today, and a note on the rest', () => {
      const t = tempWorkspace({
        'strategy.md': SMALL_STRATEGY.replace('period: 2027-01-01..2027-12-31', 'period: 2025-01-01..2031-12-31'),
        'long.plan.yaml': bigPlan(300, '2025-01-01', 7 * 365, 3, '2025-01-01..2031-12-31'),
      });
      try {
        const { model: m } = build(t.dir, '2027-02-15');
        assert.equal(m.calendar.months.length, MAX_MONTHS);
        assert.equal(m.calendar.omittedBefore + m.calendar.omittedAfter, 84 - MAX_MONTHS);
        assert.ok(m.calendar.months.some((x) => x.key === '2027-02'));
        assert.equal(m.calendar.months[0].key, '2026-03');
        assert.match(m.calendar.note ?? '', /84 months; 24 are shown .* 60 more months \(January 2025 – February 2026; March 2028 – December 2031\)/);
        assert.ok(m.mix.months.length <= MAX_MONTHS);
        assert.ok(m.mix.omittedMonths > 0);
        assert.ok(m.mix.months.every((r) => m.calendar.months.some((x) => x.key === r.key)));
        // Today before the period: the first 24 months.
        const early = build(t.dir, '2020-06-01').model;
        assert.equal(early.calendar.months[0].key, '2025-01');
        assert.equal(early.calendar.omittedBefore, 0);
        // Today after it: the last 24.
        const late = build(t.dir, '2040-01-01').model;
        assert.equal(late.calendar.months[MAX_MONTHS - 1].key, '2031-12');
      } finally {
        t.cleanup();
      }
    });

    it('5,000 entries: built quickly, bounded in size', function () {
      this.timeout(60_000);
      const t = tempWorkspace({ 'strategy.md': SMALL_STRATEGY, 'big.plan.yaml': bigPlan(5000, '2027-01-01', 365, 11) });
      try {
        const start = Date.now();
        const { model: m } = build(t.dir, '2027-02-15');
        const ms = Date.now() - start;
        assert.equal(m.plans[0].entries! > 3000, true);
        assert.equal(m.calendar.months.length, 12);
        let cells = 0;
        let more = 0;
        for (const month of m.calendar.months) {
          for (const w of month.weeks) {
            for (const d of w) {
              assert.ok(d.entries.length <= MAX_PER_DAY);
              cells += d.entries.length;
              more += d.more;
            }
          }
        }
        assert.ok(cells <= 366 * MAX_PER_DAY);
        assert.ok(more > 0, 'days with more entries than shown say "+n"');
        for (const g of m.findings) {
          assert.ok(g.items.length <= MAX_FINDINGS_PER_RULE);
          assert.equal(g.items.length + g.more, g.count);
        }
        const size = JSON.stringify(m).length;
        assert.ok(size < 3_000_000, `model is ${size} characters`);
        assert.ok(ms < 30_000, `took ${ms} ms`);
        assert.equal(m.mix.total.count, m.plans[0].entries);
        roundTrips(m);
      } finally {
        t.cleanup();
      }
    });
  });
});
