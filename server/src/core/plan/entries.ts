/** Helpers the editorial-plan rules share: which entries count, periods, dates and wording. */
import type { ParsedDocument, Period, PlanEntry } from '../model';
import type { Project } from '../project';
import type { Lang, Text } from '../text';

/** The entries of a plan that count: a cancelled entry counts for nothing. */
export function activeEntries(doc: ParsedDocument): PlanEntry[] {
  // Several rules ask per check; a filter of even 5,000 entries costs less than keeping it
  // (docs/decisions.md "State and its invalidation").
  return doc.plan?.entries.filter((e) => e.status?.value !== 'cancelled') ?? [];
}

/** The period a plan's entries belong in: the plan's own, else its strategy's. */
export function periodOf(project: Project, doc: ParsedDocument): { period: Period; of: 'plan' | 'strategy' } | undefined {
  if (doc.period) return { period: doc.period.value, of: 'plan' };
  const s = project.strategy?.period;
  return s ? { period: s.value, of: 'strategy' } : undefined;
}

/** Days from `a` to `b` (ISO dates): core/dates.ts. */
export { daysBetween } from '../dates';

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

/** "March 2027" / "März 2027" for a `YYYY-MM` or ISO date. */
export function monthName(iso: string, lang: Lang): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS[lang][m - 1]} ${y}`;
}

/** A number as people write it: `6.5` / `6,5`, whole numbers without decimals. */
export function fmtNumber(n: number, lang: Lang): string {
  const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
  return lang === 'de' ? s.replace('.', ',') : s;
}

/** A share as a rounded percentage: `58 %`. */
export function fmtPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * How a message names an entry: its title, else its channel and date. `object` and
 * `dative` give the German accusative and dative ("diesen Eintrag", "diesem Eintrag").
 */
export function entryName(entry: PlanEntry, as: 'subject' | 'object' | 'dative' = 'subject'): Text {
  if (entry.title) return { en: `'${entry.title.value}'`, de: `'${entry.title.value}'` };
  const parts = [entry.channel?.id, entry.date?.value].filter(Boolean).join(', ');
  const en = as === 'subject' ? ['The entry', 'This entry'] : ['the entry', 'this entry'];
  const de = as === 'subject' ? ['Der Eintrag', 'Dieser Eintrag'] : as === 'object' ? ['den Eintrag', 'diesen Eintrag'] : ['dem Eintrag', 'diesem Eintrag'];
  if (parts) return { en: `${en[0]} (${parts})`, de: `${de[0]} (${parts})` };
  return { en: en[1], de: de[1] };
}

/** An entry's status as written in the document (for messages). */
export function statusWord(entry: PlanEntry): string {
  return entry.status ? entry.status.raw.trim().replace(/^["'*_`]+|["'*_`]+$/g, '') : '';
}
