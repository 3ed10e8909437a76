/**
 * "What this change does" (docs/cli.md): the plan change of core/change.ts and the
 * findings new and fixed, as Markdown (`check --format markdown`, a step summary or a PR
 * comment) and as HTML (the top of `report --base`). Both are written from one list of
 * blocks, so they say the same.
 */
import type { ChannelChange, EntryView, PlanChange } from '../core/change';
import { percent, type MixStats } from '../core/stats';
import type { Lang, Text } from '../core/text';
import { t } from '../core/text';
import { MODES } from '../core/vocab';

export interface FindingRow {
  file: string;
  line: number;
  rule: string;
  message: string;
  severity?: string;
}

export interface ChangeReport {
  /** The revision compared with, as the user named it. */
  base: string;
  change: PlanChange;
  newFindings: FindingRow[];
  fixed: FindingRow[];
  /** Whether to list the new findings too (false where a table of them stands above). */
  listNew?: boolean;
}

/** A link to a line of a file, or undefined for none. */
export type Linker = (file: string, line: number) => string | undefined;

interface Cell {
  text: string;
  href?: string;
  code?: boolean;
}
type Block = { p: string } | { h: string } | { table: { head: string[]; rows: Cell[][] } };

const L = {
  title: t('What this change does', 'Was diese Änderung bewirkt'),
  against: (base: string) => t(`Compared with \`${base}\`.`, `Verglichen mit \`${base}\`.`),
  entries: (a: number, r: number, m: number) =>
    t(`Entries: ${a} added, ${r} removed, ${m} moved.`, `Beiträge: ${a} hinzugefügt, ${r} entfernt, ${m} verschoben.`),
  noEntries: t('No entry added, removed or moved.', 'Kein Beitrag hinzugefügt, entfernt oder verschoben.'),
  change: t('Change', 'Änderung'),
  entry: t('Entry', 'Beitrag'),
  before: t('Before', 'Vorher'),
  after: t('After', 'Nachher'),
  added: t('added', 'hinzugefügt'),
  removed: t('removed', 'entfernt'),
  moved: t('moved', 'verschoben'),
  channels: t('Push share and content mix per channel', 'Push-Anteil und Inhaltsmix je Kanal'),
  noChannels: t('Push share and content mix unchanged on every channel.', 'Push-Anteil und Inhaltsmix auf allen Kanälen unverändert.'),
  channel: t('Channel', 'Kanal'),
  count: t('Entries', 'Beiträge'),
  push: t('Push share', 'Push-Anteil'),
  mix: t('Mix', 'Mix'),
  goals: t('Goals that gained or lost entries', 'Ziele, die Beiträge gewonnen oder verloren haben'),
  noGoals: t('No goal gained or lost entries.', 'Kein Ziel hat Beiträge gewonnen oder verloren.'),
  goal: t('Goal', 'Ziel'),
  findings: (n: number, f: number) => t(`Findings: ${n} new, ${f} fixed.`, `Meldungen: ${n} neu, ${f} behoben.`),
  status: t('Finding', 'Meldung'),
  file: t('File', 'Datei'),
  rule: t('Rule', 'Regel'),
  message: t('Message', 'Meldung'),
  isNew: t('new', 'neu'),
  isFixed: t('fixed', 'behoben'),
};

function modeWord(m: string, lang: Lang): string {
  if (lang === 'en') return m;
  return MODES.find((x) => x.key === m)?.de[0] ?? (m === 'unknown' ? 'unbekannt' : m);
}

function mixText(s: MixStats, lang: Lang): string {
  const parts = Object.entries(s.byMode)
    .filter(([, n]) => n)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([m, n]) => `${modeWord(m, lang)} ${n}`);
  return parts.length ? parts.join(' · ') : '–';
}

function where(e: EntryView | undefined): string {
  if (!e) return '–';
  return [e.date, e.channel].filter(Boolean).join(' · ') || '–';
}

function entryCell(e: EntryView, link: Linker): Cell {
  const name = e.title ?? e.id ?? `${e.path}:${e.line}`;
  return { text: `${name} (${e.path}:${e.line})`, href: link(e.path, e.line) };
}

function findingRows(list: FindingRow[], word: Text, lang: Lang, link: Linker): Cell[][] {
  return list.map((f) => [
    { text: word[lang] },
    { text: `${f.file}:${f.line}`, href: link(f.file, f.line) },
    { text: f.rule, code: true },
    { text: f.message },
  ]);
}

function blocks(r: ChangeReport, lang: Lang, link: Linker): Block[] {
  const c = r.change;
  const out: Block[] = [{ p: L.against(r.base)[lang] }];
  const n = c.added.length + c.removed.length + c.moved.length;
  out.push({ p: n ? L.entries(c.added.length, c.removed.length, c.moved.length)[lang] : L.noEntries[lang] });
  if (n) {
    const rows: Cell[][] = [
      ...c.moved.map((m) => [{ text: L.moved[lang] }, entryCell(m.after, link), { text: where(m.before) }, { text: where(m.after) }]),
      ...c.added.map((e) => [{ text: L.added[lang] }, entryCell(e, link), { text: '–' }, { text: where(e) }]),
      ...c.removed.map((e) => [{ text: L.removed[lang] }, entryCell(e, () => undefined), { text: where(e) }, { text: '–' }]),
    ];
    out.push({ table: { head: [L.change[lang], L.entry[lang], L.before[lang], L.after[lang]], rows } });
  }
  if (c.channels.length) {
    out.push({ h: L.channels[lang] });
    const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
    out.push({
      table: {
        head: [L.channel[lang], L.count[lang], L.push[lang], L.mix[lang]],
        rows: c.channels.map((ch: ChannelChange) => [
          { text: ch.channel, code: true },
          { text: arrow(String(ch.before.count), String(ch.after.count)) },
          { text: arrow(percent(ch.before.share), percent(ch.after.share)) },
          { text: arrow(mixText(ch.before, lang), mixText(ch.after, lang)) },
        ]),
      },
    });
  } else out.push({ p: L.noChannels[lang] });
  if (c.goals.length) {
    out.push({ h: L.goals[lang] });
    out.push({
      table: {
        head: [L.goal[lang], L.count[lang]],
        rows: c.goals.map((g) => [{ text: g.title ? `${g.goal} – ${g.title}` : g.goal }, { text: `${g.before} → ${g.after}` }]),
      },
    });
  } else out.push({ p: L.noGoals[lang] });
  out.push({ p: L.findings(r.newFindings.length, r.fixed.length)[lang] });
  const rows = [...(r.listNew === false ? [] : findingRows(r.newFindings, L.isNew, lang, link)), ...findingRows(r.fixed, L.isFixed, lang, () => undefined)];
  if (rows.length) out.push({ table: { head: [L.status[lang], L.file[lang], L.rule[lang], L.message[lang]], rows } });
  return out;
}

/** Table cells in Markdown: pipes and line breaks would break the row. */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([<>*_`[\]])/g, '\\$1');
}

export function mdTable(head: string[], rows: Cell[][]): string {
  const cell = (c: Cell) => {
    const text = c.code ? `\`${c.text.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : mdCell(c.text);
    return c.href ? `[${text}](${c.href.replace(/\)/g, '%29').replace(/ /g, '%20')})` : text;
  };
  return (
    [`| ${head.map(mdCell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n'
  );
}

/** The section in Markdown, headed at `level` (### by default). */
export function changeMarkdown(r: ChangeReport, lang: Lang, link: Linker, level = 3): string {
  const hashes = '#'.repeat(level);
  let out = `${hashes} ${L.title[lang]}\n\n`;
  for (const b of blocks(r, lang, link)) {
    if ('p' in b) out += `${b.p.replace(/([*_[\]<>])/g, '\\$1')}\n\n`;
    else if ('h' in b) out += `${hashes}# ${b.h}\n\n`;
    else out += mdTable(b.table.head, b.table.rows) + '\n';
  }
  return out;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** The section in HTML, for the top of the report (styled by the preview's stylesheet). */
export function changeHtml(r: ChangeReport, lang: Lang, link: Linker): string {
  let out = `<section class="sd-section sd-change" id="sd-change"><h2>${esc(L.title[lang])}</h2>\n`;
  for (const b of blocks(r, lang, link)) {
    if ('p' in b) out += `<p>${esc(b.p).replace(/`([^`]*)`/g, '<code>$1</code>')}</p>\n`;
    else if ('h' in b) out += `<h3>${esc(b.h)}</h3>\n`;
    else {
      const cell = (c: Cell) => {
        const inner = c.code ? `<code>${esc(c.text)}</code>` : esc(c.text);
        return `<td>${c.href ? `<a href="${esc(c.href)}">${inner}</a>` : inner}</td>`;
      };
      out += `<table class="sd-change-table"><thead><tr>${b.table.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.table.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody></table>\n`;
    }
  }
  return out + '</section>\n';
}
