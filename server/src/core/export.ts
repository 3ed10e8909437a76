/**
 * The plan out of the repository (docs/cli.md "Export", docs/decisions.md "Export"): the
 * entries of plans as an iCalendar file (one event per entry) or as a CSV table for a
 * spreadsheet, in the plan's language. Pure: texts in, text out; the CLI and the server
 * decide where it goes.
 */
import { createHash } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { ParsedDocument, PlanEntry } from './model';
import type { Project } from './project';
import { textAt, type Lang } from './text';
import { enumLabel, MODES, STATUSES, type Status } from './vocab';
import { basenameUri } from './uri';

export type ExportFormat = 'ics' | 'csv';

/** One entry with what the export says about it. */
export interface ExportRow {
  plan: ParsedDocument;
  entry: PlanEntry;
  /** The channel as the strategy names it, else as the entry writes it. */
  channel: string;
}

/** The entries of the plans, by date (undated last), then plan and order in the plan. */
export function exportRows(projects: Project[], plans?: ReadonlySet<string>): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const p of projects) {
    for (const plan of p.plans) {
      if (plans && !plans.has(plan.uri)) continue;
      for (const entry of plan.plan?.entries ?? []) {
        const ch = entry.channel ? p.lookup('channel', entry.channel.id) : undefined;
        const written = entry.channel ? textAt(plan.lines, entry.channel.range) : '';
        rows.push({ plan, entry, channel: (ch?.title?.value ?? written).trim() || ch?.id || entry.channel?.id || '' });
      }
    }
  }
  return rows.sort((a, b) => {
    const da = a.entry.isoDate ?? '\uffff';
    const db = b.entry.isoDate ?? '\uffff';
    return da < db ? -1 : da > db ? 1 : a.plan.uri < b.plan.uri ? -1 : a.plan.uri > b.plan.uri ? 1 : a.entry.index - b.entry.index;
  });
}

/** A clock time as written (`10:30`, `9.15`, `14 Uhr`, `9h`, `2:30 pm`); undefined when it is none. */
export function clockOf(raw: string | undefined): { h: number; m: number } | undefined {
  if (!raw) return undefined;
  const s = raw.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?$/.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3]?.startsWith('p') && h < 12) h += 12;
  if (m[3]?.startsWith('a') && h === 12) h = 0;
  if (h > 23 || min > 59) return undefined;
  return { h, m: min };
}

const DE = {
  owner: 'Verantwortlich',
  reviewer: 'Freigabe',
  status: 'Status',
  mode: 'Modus',
  goals: 'Ziele',
  kpis: 'Kennzahlen',
  format: 'Format',
  time: 'Uhrzeit',
  campaign: 'Kampagne',
  plan: 'Plan',
  link: 'Link',
};
const EN = {
  owner: 'Owner',
  reviewer: 'Reviewer',
  status: 'Status',
  mode: 'Mode',
  goals: 'Goals',
  kpis: 'KPIs',
  format: 'Format',
  time: 'Time',
  campaign: 'Campaign',
  plan: 'Plan',
  link: 'Link',
};

function statusOfIcs(s: Status | undefined): ICalEventStatus | undefined {
  if (!s) return undefined;
  if (s === 'cancelled') return ICalEventStatus.CANCELLED;
  if (s === 'approved' || s === 'scheduled' || s === 'published') return ICalEventStatus.CONFIRMED;
  return ICalEventStatus.TENTATIVE;
}

function title(row: ExportRow): string {
  return row.entry.title?.value ?? row.entry.format?.value ?? '';
}

/**
 * UIDs that stay the same when the plan is exported again, so that a calendar updates its
 * events instead of adding them twice: from the plan's file name and the entry's ID, or,
 * without an ID, its channel and title (and how many such came before it).
 */
export function entryUids(rows: ExportRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = r.entry.id
      ? `${basenameUri(r.plan.uri)}\nid\n${r.entry.id.id.toLowerCase()}`
      : `${basenameUri(r.plan.uri)}\n${r.entry.channel?.id ?? ''}\n${title(r).toLowerCase()}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${createHash('sha256').update(`${base}\n${n}`).digest('hex').slice(0, 32)}@stratdoc`;
  });
}

export interface IcsOptions {
  /** The calendar's name (the strategy's or plan's title). */
  name: string;
  lang: Lang;
  /** DTSTAMP of every event (the time of the export). */
  stamp: Date;
}

/**
 * One event per dated entry: an all-day event on its date, or at its time (floating: the
 * team's local time, wherever the calendar is); summary "Channel: Title"; owner, status,
 * mode, goals and link in the description; the link as URL; cancelled entries cancelled.
 */
export function toIcs(rows: ExportRow[], opts: IcsOptions): string {
  const L = opts.lang === 'de' ? DE : EN;
  const cal = ical({ name: opts.name, prodId: { company: 'stratdoc', product: 'stratdoc', language: opts.lang.toUpperCase() } });
  const uids = entryUids(rows);
  rows.forEach((r, i) => {
    const e = r.entry;
    if (!e.isoDate) return;
    const [y, mo, d] = e.isoDate.split('-').map(Number);
    const clock = clockOf(e.time?.value);
    const start = new Date(Date.UTC(y, mo - 1, d, clock?.h ?? 0, clock?.m ?? 0));
    const lines: string[] = [];
    const add = (k: string, v: string | undefined) => {
      if (v) lines.push(`${k}: ${v}`);
    };
    add(L.owner, e.owner ? `@${e.owner.id}` : undefined);
    add(L.reviewer, e.reviewer ? `@${e.reviewer.id}` : undefined);
    add(L.status, e.status ? enumLabel(STATUSES, e.status.value, opts.lang) : undefined);
    add(L.mode, e.mode && !e.mode.inferred ? enumLabel(MODES, e.mode.value, opts.lang) : undefined);
    add(L.format, e.format?.value);
    add(L.goals, [...e.goals, ...e.kpis].map((g) => g.id).join(', '));
    add(L.campaign, e.campaign?.value);
    if (!clock && e.time?.value) add(L.time, e.time.value);
    add(L.link, e.link?.value);
    add(L.plan, basenameUri(r.plan.uri));
    const t = title(r);
    cal.createEvent({
      id: uids[i],
      start,
      allDay: !clock,
      floating: true,
      stamp: opts.stamp,
      summary: r.channel && t ? `${r.channel}: ${t}` : r.channel || t,
      description: lines.join('\n'),
      url: /^https?:\/\//i.test(e.link?.value ?? '') ? e.link!.value : undefined,
      status: statusOfIcs(e.status?.value),
      categories: r.channel ? [{ name: r.channel }] : [],
    });
  });
  return cal.toString();
}

/** A cell that a spreadsheet would take for a formula is written as text (a leading `'`). */
function cell(v: string, sep: string): string {
  let s = v.replace(/\r\n?|\n/g, ' ');
  if (/^[=+@\t\r]/.test(s) || /^-[^\d\s]/.test(s)) s = `'${s}`;
  return s.includes(sep) || s.includes('"') || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The entries as a table a spreadsheet opens as it is: in German with `;` between cells,
 * dates as TT.MM.JJJJ and a byte order mark (what Excel in a German locale expects); in
 * English with `,` and ISO dates (RFC 4180). Lines end with CRLF.
 */
export function toCsv(rows: ExportRow[], lang: Lang): string {
  const de = lang === 'de';
  const sep = de ? ';' : ',';
  const head = de
    ? ['Datum', 'Uhrzeit', 'Kanal', 'Format', 'Thema', 'Modus', 'Ziele', 'Kennzahlen', 'Verantwortlich', 'Freigabe', 'Status', 'Link', 'Kampagne', 'ID', 'Plan']
    : ['Date', 'Time', 'Channel', 'Format', 'Title', 'Mode', 'Goals', 'KPIs', 'Owner', 'Reviewer', 'Status', 'Link', 'Campaign', 'ID', 'Plan'];
  const out = [head.join(sep)];
  for (const r of rows) {
    const e = r.entry;
    const date = e.isoDate ? (de ? e.isoDate.split('-').reverse().join('.') : e.isoDate) : (e.date?.raw ?? '');
    out.push(
      [
        date,
        e.time?.value ?? '',
        r.channel,
        e.format?.value ?? '',
        e.title?.value ?? '',
        e.mode && !e.mode.inferred ? enumLabel(MODES, e.mode.value, lang) : '',
        e.goals.map((g) => g.id).join(', '),
        e.kpis.map((k) => k.id).join(', '),
        e.owner?.id ?? '',
        e.reviewer?.id ?? '',
        e.status ? enumLabel(STATUSES, e.status.value, lang) : '',
        e.link?.value ?? '',
        e.campaign?.value ?? '',
        e.id?.id ?? '',
        basenameUri(r.plan.uri),
      ]
        .map((v) => cell(v, sep))
        .join(sep),
    );
  }
  return (de ? '\ufeff' : '') + out.join('\r\n') + '\r\n';
}
