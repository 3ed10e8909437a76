/** The plans' part of the preview model (preview/model.ts): the content mix, the entries' flags and the findings grouped by rule. */
import type { ParsedDocument, PlanEntry } from '../core/model';
import type { Project } from '../core/project';
import type { Finding } from '../core/engine';
import type { Severity } from '../core/rules/api';
import { comparePos, type Lang } from '../core/text';
import { RULES_BY_ID } from '../core/rules';
import { docsUrl } from '../core/rules/api';
import { live } from '../core/stats';
import { idKey, pushWeight } from '../core/vocab';
import { channelName } from '../core/rules/channels';
import { isIsoDate } from '../core/dates';
import { fmtShare, type MixRow, type MixState, type ModeKey, type PreviewCalendar, type PreviewFindingGroup, type PreviewLoc, type PreviewMix } from './types';
import { MAX_CHANNEL_ROWS, MAX_FINDINGS_PER_RULE, MAX_MONTHS, monthLabel, relPath } from './model-base';
import { modeCounts } from './model-strategy';

// ------------------------------------------------------------------ mix

export function limitText(max: number, strongMax: number, lang: Lang): string {
  const p = fmtShare(max);
  const sp = fmtShare(strongMax);
  const is8020 = Math.abs(max - 0.2) < 0.005;
  const isThirds = Math.abs(strongMax - 0.33) < 0.005 || Math.abs(strongMax - 1 / 3) < 0.005;
  return lang === 'de'
    ? `Grenze: höchstens ${p} Push${is8020 ? ' (80/20-Regel)' : ''}; über ${sp}${isThirds ? ' ist auch die Drittel-Regel verletzt' : ' (strongMax) ist es deutlich zu viel'}. Gemischte Einträge zählen halb.`
    : `Limit: at most ${p} push${is8020 ? ' (the 80/20 rule)' : ''}; above ${sp}${isThirds ? ' the rule of thirds is broken too' : ' (strongMax) it is clearly too much'}. Mixed entries count half.`;
}

interface Acc {
  count: number;
  push: number;
  byMode: Map<ModeKey, number>;
  first?: PlanEntry;
}
function acc(): Acc {
  return { count: 0, push: 0, byMode: new Map() };
}
export function add(a: Acc, e: PlanEntry): void {
  a.count++;
  a.push += pushWeight(e.mode?.value);
  const m: ModeKey = e.mode?.value ?? 'unknown';
  a.byMode.set(m, (a.byMode.get(m) ?? 0) + 1);
  if (!a.first) a.first = e;
}

/** A channel as people write it (the core's channelName: the strategy's name, else the entry's cell). */
export function channelLabel(project: Project, doc: ParsedDocument, e: PlanEntry): string {
  return channelName(project, e.channel!.id, { doc, entry: e });
}

export function buildMix(
  project: Project,
  lang: Lang,
  lim: { max: number; strongMax: number; minEntries: number },
  calendar: PreviewCalendar,
  root: string,
): PreviewMix {
  const row = (key: string, label: string, a: Acc, loc?: PreviewLoc): MixRow => {
    const share = a.count ? a.push / a.count : undefined;
    const state: MixState = a.count < lim.minEntries || share === undefined ? 'few' : share > lim.strongMax ? 'strong' : share > lim.max ? 'over' : 'ok';
    return { key, label, count: a.count, push: a.push, share, state, byMode: modeCounts(a.byMode, lang), loc };
  };
  const total = acc();
  const plans: MixRow[] = [];
  const channels = new Map<string, { label: string; a: Acc }>();
  const months = new Map<string, Acc>();
  for (const doc of project.plans) {
    const a = acc();
    for (const e of doc.plan?.entries ?? []) {
      if (!live(e)) continue;
      add(a, e);
      add(total, e);
      if (e.channel) {
        const k = idKey(e.channel.id);
        let c = channels.get(k);
        if (!c) {
          channels.set(k, (c = { label: channelLabel(project, doc, e), a: acc() }));
        }
        add(c.a, e);
      }
      if (isIsoDate(e.isoDate)) {
        const k = e.isoDate.slice(0, 7);
        let m = months.get(k);
        if (!m) months.set(k, (m = acc()));
        add(m, e);
      }
    }
    plans.push(row(doc.uri, doc.title?.trim() || relPath(doc.uri, root), a, { uri: doc.uri, range: doc.titleRange }));
  }
  const channelRows = [...channels.entries()]
    .sort((x, y) => y[1].a.count - x[1].a.count || (x[0] < y[0] ? -1 : 1))
    .map(([k, c]) => row(k, c.label, c.a, c.a.first?.channel ? { uri: c.a.first.uri, range: c.a.first.channel.range } : undefined));
  // Months: those in the calendar's window (all months when there is no calendar).
  const shown = new Set(calendar.months.map((m) => m.key));
  const allMonths = [...months.keys()].sort();
  const inWindow = shown.size ? allMonths.filter((k) => shown.has(k)) : allMonths.slice(0, MAX_MONTHS);
  const monthRows = inWindow.map((k) => {
    const a = months.get(k)!;
    return row(k, monthLabel(k, lang), a, a.first?.date ? { uri: a.first.uri, range: a.first.date.range } : undefined);
  });
  return {
    ...lim,
    total: row('', lang === 'de' ? 'Gesamt' : 'Total', total),
    plans,
    channels: channelRows.slice(0, MAX_CHANNEL_ROWS),
    months: monthRows,
    omittedChannels: Math.max(0, channelRows.length - MAX_CHANNEL_ROWS),
    omittedMonths: allMonths.length - monthRows.length,
    limitText: limitText(lim.max, lim.strongMax, lang),
  };
}

// ------------------------------------------------------------------ entries and findings

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface Flags {
  problems: number;
  worst?: Severity;
  rules: Set<string>;
}

/** Findings whose range lies in an entry's range, per entry. */
export function entryFlags(project: Project, findings: Finding[]): Map<PlanEntry, Flags> {
  const out = new Map<PlanEntry, Flags>();
  const byUri = new Map<string, Finding[]>();
  for (const f of findings) {
    const l = byUri.get(f.uri);
    if (l) l.push(f);
    else byUri.set(f.uri, [f]);
  }
  for (const doc of project.plans) {
    const fs = byUri.get(doc.uri);
    if (!fs?.length) continue;
    const entries = [...(doc.plan?.entries ?? [])].sort((a, b) => comparePos(a.range.start, b.range.start));
    for (const f of fs) {
      // The last entry starting at or before the finding.
      let lo = 0;
      let hi = entries.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (comparePos(entries[mid].range.start, f.range.start) <= 0) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // Entries do not nest, but a YAML entry may end where the next begins: look one back too.
      for (const i of [at, at - 1]) {
        const e = entries[i];
        if (!e || comparePos(e.range.start, f.range.start) > 0 || comparePos(f.range.end, e.range.end) > 0) continue;
        let fl = out.get(e);
        if (!fl) out.set(e, (fl = { problems: 0, rules: new Set() }));
        fl.problems++;
        fl.rules.add(f.rule);
        if (!fl.worst || SEVERITY_RANK[f.severity] < SEVERITY_RANK[fl.worst]) fl.worst = f.severity;
        break;
      }
    }
  }
  return out;
}

export function groupFindings(findings: Finding[], lang: Lang, root: string): PreviewFindingGroup[] {
  const groups = new Map<string, PreviewFindingGroup>();
  for (const f of findings) {
    let g = groups.get(f.rule);
    if (!g) {
      const meta = RULES_BY_ID.get(f.rule)?.meta;
      groups.set(
        f.rule,
        (g = {
          rule: f.rule,
          severity: f.severity,
          description: meta?.description[lang] ?? '',
          docsUrl: docsUrl(f.rule),
          count: 0,
          items: [],
          more: 0,
        }),
      );
    }
    g.count++;
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g.severity]) g.severity = f.severity;
    if (g.items.length < MAX_FINDINGS_PER_RULE) {
      g.items.push({ severity: f.severity, message: f.message[lang], uri: f.uri, path: relPath(f.uri, root), range: f.range });
    } else g.more++;
  }
  const order = [...RULES_BY_ID.keys()];
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order.indexOf(a.rule) - order.indexOf(b.rule) || (a.rule < b.rule ? -1 : 1),
  );
}
