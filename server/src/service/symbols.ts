/** Outline (document symbols) and workspace symbols. */
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Item, ItemKind, ParsedDocument, PlanEntry } from '../core/model';
import { comparePos, t, type Lang } from '../core/text';
import { SECTION_BY_KEY } from '../core/vocab';
import { MAX_RESULTS, type ServiceContext } from './context';

const KIND: Record<ItemKind, SymbolKind> = {
  person: SymbolKind.Object,
  goal: SymbolKind.Event,
  kpi: SymbolKind.Number,
  audience: SymbolKind.Interface,
  channel: SymbolKind.Module,
};

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

export function monthName(ym: string, lang: Lang): string {
  const [y, m] = ym.split('-');
  return `${MONTHS[lang][Number(m) - 1] ?? m} ${y}`;
}

function itemSymbol(it: Item): DocumentSymbol {
  return {
    name: (it.kind === 'person' ? '@' : '') + it.id,
    detail: it.title?.value,
    kind: KIND[it.kind],
    range: it.range,
    selectionRange: it.idRange,
  };
}

function items(doc: ParsedDocument): Item[] {
  const s = doc.strategy!;
  return [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels];
}

function entryName(e: PlanEntry): string {
  return [e.date?.value, e.channel?.id, e.title?.value].filter(Boolean).join(' · ') || `#${e.index + 1}`;
}

export function documentSymbols(ctx: ServiceContext, uri: string): DocumentSymbol[] {
  const doc = ctx.ws.get(uri);
  if (!doc) return [];
  const lang = ctx.lang(uri);
  if (doc.strategy) {
    const all = items(doc);
    const used = new Set<Item>();
    const out: DocumentSymbol[] = doc.strategy.sections.map((s) => {
      const children = all.filter((it) => !used.has(it) && comparePos(s.range.start, it.idRange.start) <= 0 && comparePos(it.idRange.end, s.range.end) <= 0);
      children.forEach((c) => used.add(c));
      const step = s.keys.map((k) => SECTION_BY_KEY.get(k)?.step).find((x) => x);
      return {
        name: s.heading || s.keys.join(', ') || '–',
        detail: step ? t(`Step ${step}`, `Schritt ${step}`)[lang] : undefined,
        kind: SymbolKind.Namespace,
        range: s.range,
        selectionRange: s.headingRange,
        children: children.map(itemSymbol),
      };
    });
    for (const it of all) if (!used.has(it)) out.push(itemSymbol(it));
    return out;
  }
  const entries = doc.plan?.entries ?? [];
  const groups = new Map<string, PlanEntry[]>();
  for (const e of entries) {
    const k = e.isoDate?.slice(0, 7) ?? '';
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const out: DocumentSymbol[] = [];
  for (const k of [...groups.keys()].sort()) {
    const list = groups.get(k)!;
    const first = list.reduce((a, b) => (comparePos(a.range.start, b.range.start) <= 0 ? a : b));
    const last = list.reduce((a, b) => (comparePos(a.range.end, b.range.end) >= 0 ? a : b));
    out.push({
      name: k ? monthName(k, lang) : t('Undated', 'Ohne Datum')[lang],
      detail: t(`${list.length} entries`, `${list.length} Beiträge`)[lang],
      kind: SymbolKind.Namespace,
      range: { start: first.range.start, end: last.range.end },
      selectionRange: first.anchor,
      children: list.map((e) => ({ name: entryName(e), detail: e.mode?.value, kind: SymbolKind.Event, range: e.range, selectionRange: e.anchor })),
    });
  }
  return out;
}

export function workspaceSymbols(ctx: ServiceContext, query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  const match = (s: string) => !q || s.toLowerCase().includes(q);
  for (const doc of ctx.ws.documents()) {
    if (doc.strategy) {
      for (const it of items(doc)) {
        const name = (it.kind === 'person' ? '@' : '') + it.id + (it.title ? ` ${it.title.value}` : '');
        if (!match(name)) continue;
        out.push({ name, kind: KIND[it.kind], location: { uri: doc.uri, range: it.idRange }, containerName: doc.title });
        if (out.length >= MAX_RESULTS) return out;
      }
    }
    for (const e of doc.plan?.entries ?? []) {
      const name = entryName(e);
      if (!match(name)) continue;
      out.push({ name, kind: SymbolKind.Event, location: { uri: doc.uri, range: e.anchor }, containerName: doc.title });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
