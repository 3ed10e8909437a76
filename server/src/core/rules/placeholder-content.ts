import type { Rule } from './api';
import type { Field, Item } from '../model';
import type { Project } from '../project';
import { t } from '../text';
import type { FieldName } from '../vocab';
import { stripNumbering } from '../vocab';
import { isCadenceKey, isHowKey, isPlaceholderOnly, placeholderShown } from '../vocab-practice';
import { describingFields } from './audience-without-description';
import { itemLabel } from '../query';

/** Fields whose placeholder another rule reports as missing content (one finding per place). */
const ASKED: Partial<Record<Item['kind'], ReadonlySet<FieldName>>> = {
  channel: new Set<FieldName>(['why', 'how', 'resources', 'format']),
  kpi: new Set<FieldName>(['target', 'baseline', 'deadline', 'source']),
};
/** Fields a wrong value of is the schema rule's finding. */
const SCHEMA: ReadonlySet<FieldName> = new Set<FieldName>(['id', 'type', 'primary', 'management']);

function valueOf(f: Field): string {
  return f.items ? f.items.map((i) => i.value).join(', ') : f.raw;
}

/** Whether another rule already reports this field's placeholder as missing content. */
function askedElsewhere(project: Project, it: Item, f: Field): boolean {
  if (f.name && SCHEMA.has(f.name)) return true;
  if (f.name && ASKED[it.kind]?.has(f.name)) return true;
  if (it.kind === 'channel' && (isHowKey(f.key) || isCadenceKey(f.key))) return true;
  if (it.kind === 'audience' && !describingFields(it).length) return true;
  if (it.kind === 'goal' && f.name === 'kpis' && !project.kpisOfGoal(it).length) return true;
  if (it.kind === 'kpi' && f.name === 'goals' && !project.goalsOfKpi(it).length) return true;
  return false;
}

/**
 * docs/rules/placeholder-content.md: a field or table cell of a strategy item, or a
 * section no other rule reads, whose text is only a placeholder (TBD, TODO, folgt,
 * k. A., n/a, -, ?, …, Lorem ipsum). Where another rule asks for that content (the eight
 * steps, roles, meetings, guidelines, crisis plan, audience, channel why/how/resources,
 * a KPI's target…), that rule reports the placeholder as missing content and this one
 * stays silent: one finding per place. Plans are working documents and are not read.
 */
export const rule: Rule = {
  meta: {
    id: 'placeholder-content',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'A field, table cell or section of the strategy holds only a placeholder (TBD, TODO, folgt, k. A., -, ?, …).',
      'Ein Feld, eine Tabellenzelle oder ein Abschnitt der Strategie enthält nur einen Platzhalter (TBD, TODO, folgt, k. A., -, ?, …).',
    ),
  },
  check(ctx) {
    const { project } = ctx;
    const doc = project.strategy;
    if (!doc?.strategy) return;
    const s = doc.strategy;
    for (const it of [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels]) {
      for (const f of it.fields) {
        const v = valueOf(f);
        if (!v.trim() || !isPlaceholderOnly(v) || askedElsewhere(project, it, f)) continue;
        ctx.report({
          uri: it.uri,
          range: f.range,
          message: t(
            `'${f.key}' of ${itemLabel(it)} holds only a placeholder ('${placeholderShown(v)}'): write it out, or leave the line away until you know.`,
            `'${f.key}' von ${itemLabel(it)} enthält nur einen Platzhalter ('${placeholderShown(v)}'): Füllen Sie es aus, oder lassen Sie die Zeile weg, bis Sie es wissen.`,
          ),
        });
      }
    }
    // Sections no other rule reads (every known section is read by empty-step or missing-*).
    for (const sec of s.sections) {
      if (sec.keys.length || !sec.content.trim() || !isPlaceholderOnly(sec.content)) continue;
      const heading = stripNumbering(sec.heading) || sec.heading;
      ctx.report({
        uri: doc.uri,
        range: sec.headingRange,
        message: t(
          `The section '${heading}' holds only a placeholder ('${placeholderShown(sec.content)}'): write it out or remove it.`,
          `Der Abschnitt '${heading}' enthält nur einen Platzhalter ('${placeholderShown(sec.content)}'): Füllen Sie ihn aus oder entfernen Sie ihn.`,
        ),
      });
    }
  },
};
