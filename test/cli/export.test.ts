/**
 * `stratdoc export --ics|--csv` with the real CLI (docs/cli.md "Export"): one event per
 * dated entry with stable UIDs, the same file in every time zone; a table in the plan's
 * language, Excel-friendly in German; `--out` written whole and never over an input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, run, hashTree } from './harness';

const DE = path.join(FIXTURES, 'export', 'de');
const EN = path.join(FIXTURES, 'export', 'en');
const STAMP = { SOURCE_DATE_EPOCH: '1800000000' };

/** The events of an iCalendar text, unfolded, as property maps. */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | undefined;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = {};
    else if (l === 'END:VEVENT') {
      out.push(cur!);
      cur = undefined;
    } else if (cur) {
      const i = l.indexOf(':');
      cur[l.slice(0, i)] = l.slice(i + 1);
    }
  }
  return out;
}

function copy(dir: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-export-'));
  fs.cpSync(dir, d, { recursive: true });
  return d;
}

describe('cli: export --ics', () => {
  it('one event per dated entry: date or time, summary, description, link, status', () => {
    const r = run(['export', '--ics'], { cwd: DE, env: STAMP });
    assert.equal(r.code, 0, r.stderr);
    const ics = r.stdout;
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), 'CRLF, RFC 5545');
    assert.ok(
      ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75),
      'lines folded at 75 octets',
    );
    const ev = events(ics);
    assert.equal(ev.length, 4, 'the entry without a date is no event');
    assert.equal(ev[0]['DTSTART'], '20270302T103000', "at its time, floating (the team's local time)");
    assert.equal(ev[0]['SUMMARY'], 'Instagram: Frühstück\\; neu ab Montag');
    assert.match(ev[0]['DESCRIPTION'], /^Verantwortlich: @lena\\nFreigabe: @tim\\nStatus: freigegeben\\nModus: Werbung/);
    assert.equal(ev[0]['URL;VALUE=URI'], 'https://lindenblatt.example/fruehstueck');
    assert.equal(ev[0]['STATUS'], 'CONFIRMED');
    assert.equal(ev[1]['DTSTART'], '20270305T140000', '"14 Uhr"');
    assert.equal(ev[2]['DTSTART;VALUE=DATE'], '20270309', '"abends" is no clock time: all day');
    assert.match(ev[2]['DESCRIPTION'], /Uhrzeit: abends/);
    assert.equal(ev[3]['STATUS'], 'CANCELLED', 'a cancelled entry is a cancelled event (an import updates it)');
    assert.equal(new Set(ev.map((e) => e['UID'])).size, 4);
    for (const e of ev) assert.equal(e['DTSTAMP'], '20270115T080000Z', 'SOURCE_DATE_EPOCH');
  });

  it('the same file in every time zone', () => {
    const outs = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map((TZ) => run(['export', '--ics'], { cwd: EN, env: { ...STAMP, TZ } }).stdout);
    assert.equal(outs[0], outs[1]);
    assert.equal(outs[0], outs[2]);
    const ev = events(outs[0]);
    assert.equal(ev[0]['DTSTART'], '20270401T091500', '"9:15 am"');
    assert.equal(ev[1]['DTSTART;VALUE=DATE'], '20270403');
  });

  it('UIDs stay when an entry moves, is renamed (with an ID) or others are added', () => {
    const dir = copy(DE);
    const plan = path.join(dir, 'redaktionsplan.plan.md');
    const uids = () => new Map(events(run(['export', '--ics'], { cwd: dir, env: STAMP }).stdout).map((e) => [e['SUMMARY'].replace(/\\/g, ''), e['UID']]));
    const before = uids();
    const text = fs.readFileSync(plan, 'utf8');
    fs.writeFileSync(
      plan,
      text
        .replace(
          '| R1 | 02.03.2027 | 10:30 | Instagram | Reel | Frühstück; neu ab Montag |',
          '| R1 | 04.03.2027 | 10:30 | Instagram | Reel | Frühstück; jetzt neu |',
        )
        .replace('| R5 |', '| R6 | 20.03.2027 | | Instagram | Reel | Neu dazu | Menschen | Z1 | @tim | @lena | Idee | |\n| R5 |'),
    );
    const after = uids();
    assert.equal(after.get('Instagram: Frühstück; jetzt neu'), before.get('Instagram: Frühstück; neu ab Montag'), 'moved and renamed: the same event');
    for (const [s, u] of before) if (!s.includes('Frühstück')) assert.equal(after.get(s), u, s);
    assert.equal(after.size, before.size + 1);
  });

  it('entries without an ID: the same title twice gets two UIDs, both stable', () => {
    const a = events(run(['export', '--ics'], { cwd: EN, env: STAMP }).stdout).map((e) => e['UID']);
    const b = events(run(['export', '--ics'], { cwd: EN, env: { SOURCE_DATE_EPOCH: '1900000000' } }).stdout).map((e) => e['UID']);
    assert.equal(new Set(a).size, 3);
    assert.deepEqual(a, b);
  });
});

describe('cli: export --csv', () => {
  it('German: semicolons, a BOM, DD.MM.YYYY, German columns and values; cells quoted; formulas defused', () => {
    const r = run(['export', '--csv'], { cwd: DE });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\ufeffDatum;Uhrzeit;Kanal;Format;Thema;Modus;Ziele;Kennzahlen;Verantwortlich;Freigabe;Status;Link;Kampagne;ID;Plan\r\n'));
    const rows = r.stdout.slice(1).split('\r\n').filter(Boolean);
    assert.equal(rows.length, 6, 'header and every entry, the undated one too');
    assert.equal(
      rows[1],
      '02.03.2027;10:30;Instagram;Reel;"Frühstück; neu ab Montag";Werbung;Z1;;lena;tim;freigegeben;https://lindenblatt.example/fruehstueck;;R1;redaktionsplan.plan.md',
    );
    assert.match(rows[2], /^05\.03\.2027;14 Uhr;Instagram;Story;"'=SUMME\(1;2\) ist kein Thema";/, 'a formula is written as text');
    assert.match(rows[3], /;"""Lindenblatt-Post"" im März";/);
    assert.match(rows[5], /^;;Instagram;Reel;Noch ohne Datum;/);
  });

  it('English: commas, ISO dates, no BOM; --lang de switches', () => {
    const r = run(['export', '--csv'], { cwd: EN });
    assert.ok(r.stdout.startsWith('Date,Time,Channel,Format,Title,Mode,Goals,KPIs,Owner,Reviewer,Status,Link,Campaign,ID,Plan\r\n'));
    assert.match(r.stdout, /\r\n2027-04-01,9:15 am,linkedin,,"We are hiring, baristas",people,,,sam,,scheduled,,,,plan\.plan\.yaml\r\n/);
    const de = run(['export', '--csv', '--lang', 'de'], { cwd: EN });
    assert.match(de.stdout, /^\ufeffDatum;/);
    assert.match(de.stdout, /01\.04\.2027;9:15 am;linkedin;;We are hiring, baristas;Menschen;;;sam;;eingeplant;/);
  });
});

describe('cli: export --out and usage', () => {
  it('--out writes the file and says so; refuses an input and leaves it whole', () => {
    const dir = copy(DE);
    const r = run(['export', '--csv', '--out', 'out/plan.csv'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Tabelle geschrieben: out\/plan\.csv \(5 Einträge\)\.$/m);
    assert.ok(fs.readFileSync(path.join(dir, 'out/plan.csv'), 'utf8').startsWith('\ufeffDatum;'));
    const h = hashTree(dir);
    for (const input of ['redaktionsplan.plan.md', 'strategie.md', './strategie.md']) {
      const bad = run(['export', '--ics', '--out', input], { cwd: dir });
      assert.equal(bad.code, 2, input);
      assert.match(bad.stderr, /ist eine der gelesenen Dateien; sie wird nicht überschrieben/);
    }
    assert.equal(hashTree(dir), h, 'nothing changed');
  });

  it('--ics or --csv, exactly one', () => {
    assert.equal(run(['export'], { cwd: EN }).code, 2);
    const both = run(['export', '--ics', '--csv'], { cwd: EN });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--ics \(calendar\) or --csv \(table\)/);
    assert.match(run(['export', '--help'], { cwd: EN }).stdout, /^Usage: stratdoc export --ics\|--csv/);
  });

  it('ordinary Markdown and YAML: nothing to export, an empty table, nothing written', () => {
    const dir = copy(path.join(FIXTURES, '..', 'ordinary'));
    const h = hashTree(dir);
    const r = run(['export', '--csv'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout.split('\r\n').filter(Boolean).length, 1, 'the header only');
    assert.match(r.stderr, /No plan entries found/);
    assert.equal(hashTree(dir), h);
  });
});
