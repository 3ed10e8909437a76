/**
 * The vocabulary of documents in the wild (FORMAT.md "How an existing document is read"):
 * dates, statuses and emoji, plan columns, channel cells and strategy headings.
 */
import * as assert from 'node:assert/strict';
import { clean, parseLooseDate, yearOfTitle } from '../../server/src/core/parse/build';
import { parseDocument } from '../../server/src/core/parse';
import { planFieldOf, sectionsOfHeading, statusOf, fieldOf, goalTypeIn } from '../../server/src/core/vocab';

const Q1 = { period: { start: '2027-01-01', end: '2027-03-31' } };

describe('real-world shapes: vocabulary', () => {
  it('reads the dates of spreadsheets, with a year from the period or title, and asks for one where none is', () => {
    const cases: [string, object | undefined, { iso?: string; time?: string; needsYear?: boolean }][] = [
      ['2027-03-02', undefined, { iso: '2027-03-02' }],
      ['2.3.2027', undefined, { iso: '2027-03-02' }],
      ['19.1.27', undefined, { iso: '2027-01-19' }],
      ['19.01.', Q1, { iso: '2027-01-19' }],
      ['Di, 19.01.', Q1, { iso: '2027-01-19' }],
      ['Dienstag, 19.1.', { year: 2027 }, { iso: '2027-01-19' }],
      ['19. Januar', { year: 2027 }, { iso: '2027-01-19' }],
      ['2 März 2027', undefined, { iso: '2027-03-02' }],
      ['March 2', { year: 2027 }, { iso: '2027-03-02' }],
      ['Mar 2nd, 2027', undefined, { iso: '2027-03-02' }],
      ['Tue, Mar 2', { year: 2027 }, { iso: '2027-03-02' }],
      ['2027-03-02 09:00', undefined, { iso: '2027-03-02', time: '09:00' }],
      ['2027-03-02T09:30:00.000Z', undefined, { iso: '2027-03-02', time: '09:30' }],
      ['02.03.2027 9:15 Uhr', undefined, { iso: '2027-03-02', time: '09:15' }],
      ['19.01.', undefined, { needsYear: true }],
      ['19. Januar', undefined, { needsYear: true }],
      ['31.02.', Q1, {}],
      // A slash is the US order (month/day), with a US clock time; day/month only where nothing else is possible.
      ['3/2/2027', undefined, { iso: '2027-03-02' }],
      ['1/19/2027', undefined, { iso: '2027-01-19' }],
      ['01/19/2027 9:00am', undefined, { iso: '2027-01-19', time: '09:00' }],
      ['1/19/2027 12:30 PM', undefined, { iso: '2027-01-19', time: '12:30' }],
      ['1/19/27 12am', undefined, { iso: '2027-01-19', time: '00:00' }],
      ['Tue, 1/19', { year: 2027 }, { iso: '2027-01-19' }],
      ['1/19', undefined, { needsYear: true }],
      ['19/01/2027', undefined, { iso: '2027-01-19' }],
      ['2/30/2027', undefined, {}],
      ['01/19/2027 13:00pm', undefined, {}],
      ['nächste Woche', Q1, {}],
    ];
    for (const [s, years, want] of cases) assert.deepEqual(parseLooseDate(s, years as never), want, s);
    // A period over the turn of the year: the year in which the day falls inside it.
    assert.equal(parseLooseDate('05.01.', { period: { start: '2026-12-01', end: '2027-02-28' } }).iso, '2027-01-05');
    assert.equal(parseLooseDate('05.12.', { period: { start: '2026-12-01', end: '2027-02-28' } }).iso, '2026-12-05');
    assert.equal(yearOfTitle('Redaktionsplan Q1 2027'), 2027);
    assert.equal(yearOfTitle('Content calendar'), undefined);
  });

  it('maps status words and emoji onto the statuses', () => {
    const cases: [string, string | undefined][] = [
      ['in Arbeit', 'draft'],
      ['in Bearbeitung', 'draft'],
      ['In progress', 'draft'],
      ['Idee', 'idea'],
      ['geplant', 'planned'],
      ['freigegeben', 'approved'],
      ['veröffentlicht', 'published'],
      ['online', 'published'],
      ['live', 'published'],
      ['💡', 'idea'],
      ['✏️', 'draft'],
      ['✅', 'approved'],
      ['📤', 'published'],
      ['✅ freigegeben', 'approved'],
      ['📤 veröffentlicht', 'published'],
      ['✏️ Entwurf', 'draft'],
      ['🙂', undefined],
      ['vielleicht', undefined],
    ];
    for (const [s, want] of cases) assert.equal(statusOf(s), want, s);
  });

  it("maps a plan's columns by one table, where Termin is a date and Type a format", () => {
    const cases: [string, string | undefined][] = [
      ['Plattform', 'channel'],
      ['Netzwerk', 'channel'],
      ['Network', 'channel'],
      ['Zuständig', 'owner'],
      ['Assignee', 'owner'],
      ['Redakteur', 'owner'],
      ['Post Copy', 'title'],
      ['Caption', 'title'],
      ['Headline', 'title'],
      ['publish_at', 'date'],
      ['scheduled_at', 'date'],
      ['Termin', 'date'],
      ['Veröffentlichung', 'date'],
      ['Type', 'format'],
      ['Objective', 'goals'],
      ['Content Pillar', 'pillar'],
      ['Approver', 'reviewer'],
      ['URL', 'link'],
      ['Kampagne', 'campaign'],
      ['Notizen', undefined],
    ];
    for (const [k, want] of cases) assert.equal(planFieldOf(k), want, k);
    assert.equal(fieldOf('Termin'), 'deadline', "a KPI's Termin stays its deadline");
    assert.equal(fieldOf('Type'), 'type', "a goal's Type stays its goal type");
  });

  it('reads the step headings of strategies written before stratdoc', () => {
    const cases: [string, string[]][] = [
      ['Ausgangslage', ['listening']],
      ['Status quo', ['listening']],
      ['Ist-Analyse', ['listening']],
      ['Tonalität', ['value']],
      ['Tone of voice', ['value']],
      ['Markenstimme', ['value']],
      ['Brand voice', ['value']],
      ['Zielgruppen', ['audiences']],
      ['Personas', ['audiences']],
      ['Erfolgsmessung', ['kpis']],
      ['Kanäle', ['channels']],
      ['Plattformen', ['channels']],
      ['Verantwortlichkeiten', ['governance']],
      ['Rollen', ['governance']],
      ['Budget', []],
      ['Ressourcen', []],
    ];
    for (const [h, want] of cases) assert.deepEqual(sectionsOfHeading(h), want, h);
    assert.equal(goalTypeIn('Mehr Reichweite in der Region'), 'awareness');
    assert.equal(goalTypeIn('Leads für Tortenbestellungen'), 'conversion');
    assert.equal(goalTypeIn('Azubis gewinnen'), undefined);
  });

  it('splits a cross-post cell into one entry per channel, each with its own channel range', () => {
    const doc = parseDocument(
      'file:///ws/p.plan.md',
      [
        '# Plan 2027',
        '',
        '| Datum | Kanal | Thema |',
        '|---|---|---|',
        '| 19.01. | IG + FB | Backstube |',
        '| 20.01. | Instagram, Facebook und LinkedIn | Torten |',
        '| 21.01. | Instagram | Brot |',
        '',
      ].join('\n'),
    )!;
    const e = doc.plan!.entries;
    assert.deepEqual(
      e.map((x) => `${x.isoDate} ${x.channel?.id} ${x.crossPost ?? 1}`),
      ['2027-01-19 instagram 2', '2027-01-19 facebook 2', '2027-01-20 instagram 3', '2027-01-20 facebook 3', '2027-01-20 linkedin 3', '2027-01-21 instagram 1'],
    );
    const line = doc.text.split('\n')[4];
    assert.equal(e[1].channel!.range.start.character, line.indexOf('FB'));
    assert.deepEqual(doc.problems, []);
    const yaml = parseDocument(
      'file:///ws/p.plan.yaml',
      'stratdoc: plan\nposts:\n  - publish_at: 2027-01-19 09:00\n    platform: [Instagram, LinkedIn]\n    caption: Roaster\n',
    )!;
    assert.deepEqual(
      yaml.plan!.entries.map((x) => `${x.isoDate} ${x.time?.value} ${x.channel?.id} ${x.title?.value}`),
      ['2027-01-19 09:00 instagram Roaster', '2027-01-19 09:00 linkedin Roaster'],
    );
    assert.deepEqual(yaml.problems, []);
  });

  it('reads references as written: one or several, with @, marks, blanks and dots around them, placeholders as none', () => {
    // clean() strips blanks and emphasis or code marks at the edges, and only there.
    for (const [raw, want] of [
      ['G1', 'G1'],
      [' **G1** ', 'G1'],
      ['`G2`', 'G2'],
      ['_Anna_', 'Anna'],
      ['\u00a0Lea\u3000', 'Lea'],
      ['Grüße', 'Grüße'],
      ['a*b', 'a*b'],
      ['', ''],
      ['**', ''],
    ] as const)
      assert.equal(clean(raw), want, JSON.stringify(raw));
    const doc = parseDocument(
      'file:///ws/p.plan.md',
      [
        '# Plan 2027',
        '',
        '| Datum | Kanal | Thema | Ziel | KPI |',
        '|---|---|---|---|---|',
        '| 19.01. | Instagram | Backstube | G1 | K1 |',
        '| 20.01. | Instagram | Torten | **G1**, `G2` und G3. | @K1 und K2! |',
        '| 21.01. | Instagram | Brot | tbd | ? |',
        '| 22.01. | Instagram | Kuchen | G2; G3 | @@K3 |',
        '',
      ].join('\n'),
    )!;
    const e = doc.plan!.entries;
    assert.deepEqual(
      e.map((x) => `${x.goals.map((g) => g.id).join('+')} / ${x.kpis.map((k) => k.id).join('+')}`),
      ['G1 / K1', 'G1+G2+G3 / K1+K2', ' / ', 'G2+G3 / @K3'],
    );
    // A reference's range is the ID without its @ and marks.
    const line = doc.text.split('\n')[5];
    assert.equal(e[1].goals[2].range.start.character, line.indexOf('G3'));
    assert.equal(e[1].kpis[0].range.start.character, line.indexOf('K1'));
  });

  it('numbers goals and KPIs written as plain lists, in Markdown and YAML, skipping written IDs', () => {
    const md = parseDocument(
      'file:///ws/s.md',
      [
        '---',
        'stratdoc: strategy',
        '---',
        '# Strategie 2027',
        '',
        '## Ziele',
        '',
        '1. Mehr Reichweite in der Region (Hauptziel)',
        '   - Follower Instagram: +20 % bis Ende 2027',
        '2. **Leads:** Anfragen für Tortenbestellungen',
        '3. Ziel 3: Azubis gewinnen',
        '',
        '## KPIs',
        '',
        '- Reichweite pro Monat: 30.000 bis Ende 2027',
        '- G1 ist vergeben: nein',
        '',
      ].join('\n'),
    )!;
    const s = md.strategy!;
    assert.deepEqual(
      s.goals.map((g) => [g.id, g.title?.value, g.type?.value, !!g.primary?.value, g.implicit]),
      [
        ['G1', 'Mehr Reichweite in der Region', 'awareness', true, true],
        ['G2', 'Leads', 'conversion', false, true],
        ['G3', 'Azubis gewinnen', undefined, false, true],
      ],
    );
    assert.deepEqual(
      s.kpis.map((k) => [k.id, k.title?.value, k.target?.value, k.deadline?.value, k.goals.map((g) => g.id).join(), k.metricClass]),
      [
        ['K1', 'Follower Instagram', '+20 %', 'Ende 2027', 'G1', 'vanity'],
        ['K2', 'Reichweite pro Monat', '30.000', 'Ende 2027', '', 'vanity'],
        ['K3', 'G1 ist vergeben', 'nein', undefined, '', 'unknown'],
      ],
    );
    const line = md.text.split('\n')[7];
    assert.equal(s.goals[0].idRange.start.character, line.indexOf('Mehr'));
    // `### Goal` headings without an ID under `## Ziele`/`## Goals` are goals like list items.
    const heads = parseDocument(
      'file:///ws/h.md',
      '---\nstratdoc: strategy\n---\n## Goals\n### Brand awareness in the city\nOur main goal.\n- Primary: yes\n- Followers: 5,000 by end of 2027\n\n### Goal 2: Leads for office coffee\n\n## Channels\n### Instagram\n',
    )!;
    assert.deepEqual(
      heads.strategy!.goals.map((g) => `${g.id} ${g.title?.value} ${g.type?.value} ${!!g.primary?.value} ${!!g.implicit}`),
      ['G1 Brand awareness in the city awareness true true', 'G2 Leads for office coffee conversion false true'],
    );
    assert.deepEqual(
      heads.strategy!.kpis.map((k) => `${k.id} ${k.title?.value} | ${k.target?.value} | ${k.goals.map((g) => g.id).join()}`),
      ['K1 Followers | 5,000 | G1'],
    );
    assert.deepEqual(
      heads.strategy!.channels.map((c) => c.id),
      ['instagram'],
    );
    assert.deepEqual(heads.problems, []);
    const headLine = heads.text.split('\n')[4];
    assert.equal(
      headLine.slice(heads.strategy!.goals[0].idRange.start.character, heads.strategy!.goals[0].idRange.end.character),
      'Brand awareness in the city',
    );
    // Emoji before a channel's first word are decoration, in headings, tables and plan cells.
    const emoji = parseDocument(
      'file:///ws/e.md',
      '---\nstratdoc: strategy\n---\n## Kanäle\n### 📸 Instagram\nWarum: Bilder\n\n### 💼 LinkedIn Unternehmensseite\nWarum: B2B\n\n### ▶️ YouTube\n',
    )!;
    assert.deepEqual(
      emoji.strategy!.channels.map((c) => c.id),
      ['instagram', 'linkedin', 'youtube'],
    );
    const emojiPlan = parseDocument(
      'file:///ws/p.md',
      '---\nstratdoc: plan\n---\n| Datum | Kanal | Thema |\n|---|---|---|\n| 02.03.2027 | 📸 Instagram | Frühling |\n| 03.03.2027 | 💼 LinkedIn, 📸 IG | Studie |\n',
    )!;
    assert.deepEqual(
      emojiPlan.plan!.entries.map((e) => e.channel?.id),
      ['instagram', 'linkedin', 'instagram'],
    );
    // Written IDs are skipped; a section that writes IDs keeps its other lists as text.
    const mixed = parseDocument(
      'file:///ws/s.md',
      '---\nstratdoc: strategy\n---\n## Ziele\n### G1: Geschrieben\n- Art: Reichweite\n\nNotizen:\n\n- eine Idee für später\n',
    )!;
    assert.deepEqual(
      mixed.strategy!.goals.map((g) => g.id),
      ['G1'],
    );
    const yaml = parseDocument(
      'file:///ws/s.yaml',
      'stratdoc: strategy\ngoals:\n  - Brand awareness (primary)\n  - { id: G1, title: Written }\nkpis:\n  - Followers: 5,000 by end of 2027\n  - "Reach: 40,000 by December 2027"\n',
    )!;
    assert.deepEqual(
      yaml.strategy!.goals.map((g) => `${g.id} ${g.type?.value} ${!!g.primary?.value}`),
      ['G2 awareness true', 'G1 undefined false'],
    );
    assert.deepEqual(
      yaml.strategy!.kpis.map((k) => `${k.id} ${k.title?.value} | ${k.target?.value} | ${k.deadline?.value}`),
      ['K1 Followers | 5,000 | end of 2027', 'K2 Reach | 40,000 | December 2027'],
    );
    assert.deepEqual(yaml.problems, []);
  });
});
