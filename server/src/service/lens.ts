/** Code lens on goals ("5 entries · 2 KPIs · 20 % push") and on channels. */
import type { CodeLens } from 'vscode-languageserver-types';
import { t } from '../core/text';
import { entriesOnChannel, entriesServingGoal, mixOf, percent } from '../core/stats';
import type { ServiceContext } from './context';

export function codeLenses(ctx: ServiceContext, uri: string): CodeLens[] {
  const doc = ctx.ws.get(uri);
  const p = ctx.ws.projectOf(uri);
  if (!doc?.strategy || !p || p.strategy !== doc) return [];
  const lang = ctx.lang(uri);
  const out: CodeLens[] = [];
  for (const g of doc.strategy.goals) {
    const mix = mixOf(entriesServingGoal(p, g));
    const k = p.kpisOfGoal(g).length;
    const title = t(
      `${mix.count} ${mix.count === 1 ? 'entry' : 'entries'} · ${k} ${k === 1 ? 'KPI' : 'KPIs'} · ${percent(mix.share)} push`,
      `${mix.count} ${mix.count === 1 ? 'Beitrag' : 'Beiträge'} · ${k} ${k === 1 ? 'Kennzahl' : 'Kennzahlen'} · ${percent(mix.share)} Push`,
    )[lang];
    out.push({ range: g.idRange, command: { title, command: '' } });
  }
  for (const c of doc.strategy.channels) {
    const entries = entriesOnChannel(p, c);
    const mix = mixOf(entries);
    const last = entries
      .map((e) => e.isoDate)
      .filter(Boolean)
      .sort()
      .pop();
    const title = t(
      `${mix.count} ${mix.count === 1 ? 'entry' : 'entries'} · ${percent(mix.share)} push${last ? ` · last ${last}` : ''}`,
      `${mix.count} ${mix.count === 1 ? 'Beitrag' : 'Beiträge'} · ${percent(mix.share)} Push${last ? ` · zuletzt ${last}` : ''}`,
    )[lang];
    out.push({ range: c.idRange, command: { title, command: '' } });
  }
  return out;
}
