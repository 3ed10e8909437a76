/** Go to definition, find references, rename, document links and hover: over the occurrences of refs.ts. */
import type { Hover, Location, Position, Range, WorkspaceEdit, DocumentLink, TextEdit } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { Item, ItemKind, Field } from '../core/model';
import { occurrenceAt, sameItem, type Occurrence } from '../core/refs';
import { containsPos, t, type Lang, type Text } from '../core/text';
import { ID_RE, GOAL_TYPES, enumLabel } from '../core/vocab';
import { resolveUri, relativeUri, dirnameUri } from '../core/uri';
import { entriesOnChannel, entriesServingGoal, mixOf, percent } from '../core/stats';
import type { Project } from '../core/project';
import type { ServiceContext } from './context';

function at(ctx: ServiceContext, uri: string, pos: Position): { o: Occurrence; p: Project } | undefined {
  const doc = ctx.ws.get(uri);
  const p = ctx.ws.projectOf(uri);
  if (!doc || !p) return undefined;
  const o = occurrenceAt(doc, pos);
  return o ? { o, p } : undefined;
}

export function definition(ctx: ServiceContext, uri: string, pos: Position): Location[] {
  const doc = ctx.ws.get(uri);
  const sp = doc?.plan?.strategyPath;
  if (doc && sp && containsPos(sp.range, pos)) {
    const target = resolveUri(uri, sp.value);
    const sdoc = target ? ctx.ws.get(target) : undefined;
    return sdoc ? [{ uri: sdoc.uri, range: sdoc.titleRange }] : [];
  }
  const hit = at(ctx, uri, pos);
  if (!hit) return [];
  return sameItem(hit.p, hit.o)
    .filter((x) => x.definition)
    .map((x) => ({ uri: x.uri, range: x.range }));
}

export function references(ctx: ServiceContext, uri: string, pos: Position, includeDeclaration: boolean): Location[] {
  const hit = at(ctx, uri, pos);
  if (!hit) return [];
  return sameItem(hit.p, hit.o)
    .filter((x) => includeDeclaration || !x.definition)
    .map((x) => ({ uri: x.uri, range: x.range }));
}

export function prepareRename(ctx: ServiceContext, uri: string, pos: Position): { range: Range; placeholder: string } | null {
  const hit = at(ctx, uri, pos);
  if (!hit) return null;
  return { range: hit.o.range, placeholder: hit.o.id };
}

export class RenameError extends Error {}

export function rename(ctx: ServiceContext, uri: string, pos: Position, newName: string): WorkspaceEdit | null {
  const hit = at(ctx, uri, pos);
  if (!hit) return null;
  const name = newName.trim().replace(/^@/, '');
  if (!ID_RE.test(name)) {
    throw new RenameError(
      t(
        `'${newName}' is not a valid ID: it starts with a letter and holds letters, digits, _ . - only.`,
        `'${newName}' ist keine gültige ID: sie beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern, _ . -.`,
      )[ctx.lang(uri)],
    );
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const x of sameItem(hit.p, hit.o)) {
    const doc = ctx.ws.get(x.uri)!;
    const a = doc.lines.offsetAt(x.range.start);
    const written = doc.text.slice(a, doc.lines.offsetAt(x.range.end));
    const edits = (changes[x.uri] ??= []);
    if (edits.some((e) => e.range.start.line === x.range.start.line && e.range.start.character === x.range.start.character)) continue;
    edits.push({ range: x.range, newText: (written.startsWith('@') ? '@' : '') + name });
  }
  return { changes };
}

export function documentLinks(ctx: ServiceContext, uri: string): DocumentLink[] {
  const doc = ctx.ws.get(uri);
  const sp = doc?.plan?.strategyPath;
  if (!doc || !sp) return [];
  const target = resolveUri(uri, sp.value);
  if (!target) return [];
  return [{ range: sp.range, target, tooltip: t('Open the strategy', 'Strategie öffnen')[ctx.lang(uri)] }];
}

// ------------------------------------------------------------------ hover

const KIND: Record<ItemKind, Text> = {
  person: t('Person', 'Person'),
  goal: t('Goal', 'Ziel'),
  kpi: t('KPI', 'Kennzahl'),
  audience: t('Audience', 'Zielgruppe'),
  channel: t('Channel', 'Kanal'),
};

const CLASS: Record<string, Text> = {
  business: t('business', 'Geschäftsergebnis'),
  intermediate: t('intermediate', 'Zwischenziel'),
  vanity: t('vanity', 'Vanity'),
  unknown: t('unclassified', 'nicht eingeordnet'),
};

function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}

function fieldLines(fields: Field[], skip: Set<string>): string[] {
  return fields.filter((f) => f.raw.trim() && !skip.has(f.name ?? '')).map((f) => `- ${esc(f.key)}: ${esc(f.raw.trim())}`);
}

export function hoverText(p: Project, it: Item, lang: Lang): string {
  const L = (x: Text) => x[lang];
  const lines: string[] = [];
  const title = it.title?.value ? ` — ${esc(it.title.value)}` : '';
  lines.push(`**${L(KIND[it.kind])} ${it.kind === 'person' ? '@' : ''}${esc(it.id)}**${title}`);
  // An ID stratdoc gave (docs/format.md "Goals and KPIs as plain lists"): say where it comes from.
  if (it.implicit) {
    lines.push(
      it.kind === 'person'
        ? L(
            t(
              `Written without a handle: plans name this person ${esc(it.id)} or by name.`,
              `Ohne Handle geschrieben: Pläne nennen die Person ${esc(it.id)} oder beim Namen.`,
            ),
          )
        : L(
            t(
              `ID given by its place in the list: plans may name it ${esc(it.id)} or by its title words${it.kind === 'goal' ? ' or type' : ''}.`,
              `ID nach der Stelle in der Liste vergeben: Pläne nennen es ${esc(it.id)} oder mit Wörtern des Titels${it.kind === 'goal' ? ' oder der Art' : ''}.`,
            ),
          ),
    );
  }
  const strategy = p.strategy;
  switch (it.kind) {
    case 'goal': {
      const facts: string[] = [];
      if (it.type) facts.push(`${L(t('Type', 'Art'))}: ${enumLabel(GOAL_TYPES, it.type.value, lang)}`);
      if (it.primary?.value) facts.push(L(t('primary goal', 'Hauptziel')));
      if (facts.length) lines.push(facts.join(' · '));
      const kpis = p.kpisOfGoal(it);
      lines.push(
        `${L(t('KPIs', 'Kennzahlen'))}: ${kpis.length ? kpis.map((k) => `${esc(k.id)} (${L(CLASS[k.metricClass])})`).join(', ') : L(t('none', 'keine'))}`,
      );
      const entries = entriesServingGoal(p, it);
      const mix = mixOf(entries);
      if (p.plans.length)
        lines.push(`${L(t('Entries serving it', 'Beiträge dafür'))}: ${mix.count} · ${L(t('push share', 'Push-Anteil'))} ${percent(mix.share)}`);
      break;
    }
    case 'kpi': {
      lines.push(`${L(t('Metric', 'Metrik'))}: ${esc(it.metric?.value ?? '–')} (${L(CLASS[it.metricClass])})`);
      const goals = p.goalsOfKpi(it);
      lines.push(`${L(t('Measures', 'Misst'))}: ${goals.length ? goals.map((g) => esc(g.id)).join(', ') : L(t('no goal', 'kein Ziel'))}`);
      break;
    }
    case 'channel': {
      const entries = entriesOnChannel(p, it);
      const mix = mixOf(entries);
      if (p.plans.length) lines.push(`${L(t('Entries', 'Beiträge'))}: ${mix.count} · ${L(t('push share', 'Push-Anteil'))} ${percent(mix.share)}`);
      break;
    }
    case 'person': {
      const facts = [it.role?.value, it.department?.value].filter(Boolean) as string[];
      if (facts.length) lines.push(esc(facts.join(' · ')));
      break;
    }
  }
  // The summary above already says these; the rest (and every unknown key) is listed.
  const summarized: Record<ItemKind, string[]> = {
    goal: ['title', 'type', 'primary', 'kpis'],
    kpi: ['title', 'metric', 'goals'],
    channel: ['title'],
    person: ['title', 'role', 'department'],
    audience: ['title'],
  };
  const fl = fieldLines(it.fields, new Set(summarized[it.kind]));
  if (fl.length) lines.push('', ...fl);
  if (strategy) lines.push('', `_${esc(relativeUri(it.uri, dirnameUri(strategy.uri)))}_`);
  return lines.join('\n\n').replace(/\n\n- /g, '\n- ');
}

export function hover(ctx: ServiceContext, uri: string, pos: Position): Hover | null {
  const hit = at(ctx, uri, pos);
  if (!hit) return null;
  const lang = ctx.lang(uri);
  const def = sameItem(hit.p, hit.o).find((x) => x.definition)?.item;
  let value: string;
  if (def) value = hoverText(hit.p, def, lang);
  else if (!hit.p.strategy)
    value = t(
      `${esc(hit.o.id)}: this plan has no strategy, so references are not checked.`,
      `${esc(hit.o.id)}: dieser Plan hat keine Strategie, Verweise werden nicht geprüft.`,
    )[lang];
  else value = t(`**${esc(hit.o.id)}** is not defined in the strategy.`, `**${esc(hit.o.id)}** ist in der Strategie nicht definiert.`)[lang];
  return { contents: { kind: MarkupKind.Markdown, value }, range: hit.o.range };
}
