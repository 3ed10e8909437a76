/**
 * What the rules and the preview ask of a channel: its name as the strategy writes it,
 * its declared cadence (docs/format.md "Cadence") and whether it says how it is run.
 */
import type { Channel, Field, ParsedDocument, PlanEntry } from '../model';
import type { Project } from '../project';
import { textAt, type Range } from '../text';
import { idKey } from '../vocab';
import { cadenceInterval, cadenceOf, hasContent, isCadenceKey, isHowKey, type Cadence } from '../vocab-practice';

function textIn(doc: ParsedDocument, r: Range): string {
  try {
    return textAt(doc.lines, r)
      .trim()
      .replace(/^["'@*_`]+|["'*_`]+$/g, '');
  } catch {
    return '';
  }
}

/** The first word of a channel name as written: `WhatsApp (Kanal)` → `WhatsApp`. */
function firstWord(s: string): string {
  return s.replace(/^[\s*_`"'@]+/, '').split(/[\s(,;:/*_`"']+/)[0] ?? '';
}

/**
 * A channel as people write it (issue 12): the strategy's name for it (`Facebook`, not
 * `facebook`; `### WhatsApp (Kanal)` → `WhatsApp`), else the plan's cell, else the ID.
 * A strategy that writes the ID in lower case (`id: instagram`) and the name in a title
 * (`name: Instagram`) is named by the title's first word.
 */
export function channelName(project: Project, id: string, entry?: { doc: ParsedDocument; entry: PlanEntry }): string {
  const def = project.lookup('channel', id);
  const strategy = def ? project.documents.find((d) => d.uri === def.uri) : undefined;
  const written = def && strategy ? firstWord(textIn(strategy, def.idRange)) : '';
  const fromTitle = def?.title ? firstWord(def.title.value) : '';
  if (written && idKey(written) === idKey(id) && written !== written.toLowerCase()) return written;
  if (fromTitle && idKey(fromTitle) === idKey(id)) return fromTitle;
  if (written && idKey(written) === idKey(id)) return written;
  const cell = entry?.entry.channel ? firstWord(textIn(entry.doc, entry.entry.channel.range)) : '';
  return cell && idKey(cell) === idKey(id) ? cell : id;
}

/** A channel's declared cadence and the field that declares it (a cadence key first, then how and format keys). */
export function channelCadence(c: Channel): { cadence: Cadence; field: Field } | undefined {
  const order = [...c.fields.filter((f) => isCadenceKey(f.key)), ...c.fields.filter((f) => !isCadenceKey(f.key) && (f.name === 'how' || isHowKey(f.key)))];
  for (const f of order) {
    const raw = f.items ? f.items.map((i) => i.value).join(', ') : f.raw;
    const cadence = cadenceOf(raw);
    if (cadence) return { cadence, field: f };
  }
  return undefined;
}

/** Whether a channel says how it is run: formats, frequency or tone, not only a placeholder. */
export function channelHasHow(c: Channel): boolean {
  if (hasContent(c.how?.value)) return true;
  return c.fields.some(
    (f) =>
      (f.name === 'how' || f.name === 'format' || isHowKey(f.key) || isCadenceKey(f.key)) &&
      hasContent(f.items ? f.items.map((i) => i.value).join(', ') : f.raw),
  );
}

/**
 * The longest silence a channel may have (docs/rules/channel-gap.md): undefined for a
 * channel declared "as needed" (no gaps at all), else `maxGapDays`, or twice a slower
 * declared interval. Shared by channel-gap and the preview's calendar.
 */
export function allowedGap(project: Project, id: string, maxGapDays: number): { days: number; cadence?: Cadence } | undefined {
  const def = project.lookup('channel', id);
  const cad = def ? channelCadence(def) : undefined;
  if (cad?.cadence.asNeeded) return undefined;
  const interval = cad ? cadenceInterval(cad.cadence) : undefined;
  const days = interval !== undefined ? Math.max(maxGapDays, Math.ceil(2 * interval)) : maxGapDays;
  return { days, cadence: days > maxGapDays ? cad!.cadence : undefined };
}
