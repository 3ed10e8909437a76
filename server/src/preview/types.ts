/**
 * The preview model's shape: plain JSON-serialisable data that travels from the language
 * server to the webview. This module imports nothing at run time, so the webview's
 * renderer (`html.ts`) can be bundled into the extension without the core.
 */
import type { Period } from '../core/model';
import type { Severity } from '../core/rules/api';
import type { Lang, Range } from '../core/text';
import type { GoalType, MetricClass, Mode, SectionKey } from '../core/vocab';

// ------------------------------------------------------------------ the model

export type StepState = 'complete' | 'thin' | 'missing';
export type MixState = 'ok' | 'over' | 'strong' | 'few';
export type ModeKey = Mode | 'unknown';

/** A place in a document: LSP conventions (0-based line and UTF-16 column). */
export interface PreviewLoc {
  uri: string;
  range: Range;
}

export interface PreviewDocument {
  uri: string;
  /** Relative to the model's root, for display: `plaene/2027-q1.plan.yaml`. */
  path: string;
  kind: 'strategy' | 'plan';
  format: 'markdown' | 'yaml' | 'csv';
  title: string;
  period?: Period;
  /** Plans: entries (not cancelled). */
  entries?: number;
  /** The file exists on disk (a `file:` URI); an `untitled:` document does not. */
  isFile: boolean;
}

export interface PreviewSection {
  key: SectionKey;
  /** 1–8 for the steps. */
  step?: number;
  /** The section's name in the model's language ("Zuhören"). */
  label: string;
  state: StepState;
  /** "vollständig" / "dünn" / "fehlt". */
  stateLabel: string;
  /** What it holds, in words: "3 goals · 1 primary". Empty when missing. */
  holds: string;
  /** The same as numbers: `{ goals: 3, primary: 1 }`, `{ words: 120 }`. */
  figures: Record<string, number>;
  /** The heading as written, when there is a section. */
  heading?: string;
  /** Where the section is (heading range; `range` of the whole section in `section`). */
  loc?: PreviewLoc;
  section?: PreviewLoc;
  /** When missing: where it would go. */
  insert?: { uri: string; position: Range['start']; heading: string };
  /** A sentence for a thin or missing section: what to do. */
  note?: string;
}

export interface PreviewKpi {
  id: string;
  title: string;
  metric?: string;
  metricClass: MetricClass;
  /** "business" / "Geschäft" … */
  classLabel: string;
  smart: boolean;
  /** Which of target, baseline, deadline, source are missing. */
  missing: ('target' | 'baseline' | 'deadline' | 'source')[];
  /** "target, baseline" in words; empty when SMART. */
  missingLabel: string;
  target?: string;
  baseline?: string;
  deadline?: string;
  source?: string;
  loc: PreviewLoc;
}

export interface ModeCount {
  mode: ModeKey;
  label: string;
  count: number;
}

export interface PreviewGoal {
  id: string;
  title: string;
  type?: GoalType;
  typeLabel?: string;
  primary: boolean;
  kpis: PreviewKpi[];
  /** Entries (not cancelled) serving the goal, by mode. */
  entries: number;
  push: number;
  share?: number;
  byMode: ModeCount[];
  loc: PreviewLoc;
  /** Cost per result of its business KPIs, from the strategy's budget (docs/rules/missing-budget.md), written out. */
  costPerResult?: string[];
}

export interface MixRow {
  /** Plan URI, channel ID (lowercase) or month `YYYY-MM`. */
  key: string;
  label: string;
  count: number;
  /** Push weight summed (mixed counts ½). */
  push: number;
  share?: number;
  /** Against the limit: ok, over `max`, over `strongMax`, or too few entries to judge (below `minEntries`). */
  state: MixState;
  byMode: ModeCount[];
  loc?: PreviewLoc;
}

export interface PreviewMix {
  /** push-ratio options in effect. */
  max: number;
  strongMax: number;
  minEntries: number;
  total: MixRow;
  plans: MixRow[];
  channels: MixRow[];
  months: MixRow[];
  /** Rows left out (channels over the cap, months outside the calendar's window). */
  omittedChannels: number;
  omittedMonths: number;
  /** A sentence about the limit: "Limit 20 % push (80/20 rule); above 33 % the rule of thirds is broken." */
  limitText: string;
}

export interface CalendarEntry {
  title: string;
  channel?: string;
  mode: ModeKey;
  modeLabel: string;
  /** Short code shown with the colour ("Pu"): colour is never the only signal. */
  letter: string;
  /** Mode inferred from title or format. */
  inferred: boolean;
  status?: string;
  time?: string;
  /** An http(s) link of the entry, only when it is one. */
  link?: string;
  /** Findings whose range lies in the entry. */
  problems: number;
  worst?: Severity;
  rules: string[];
  loc: PreviewLoc;
}

export interface CalendarDay {
  date: string;
  day: number;
  /** Belongs to the month (not a leading or trailing day of the grid). */
  inMonth: boolean;
  /** Inside the calendar's period. */
  inPeriod: boolean;
  today: boolean;
  entries: CalendarEntry[];
  /** Entries of the day not listed (beyond MAX_PER_DAY). */
  more: number;
  /** Channels in a gap longer than maxGapDays on this day. */
  gaps: string[];
  /** Channels whose gap starts (its first silent day) on this day, with its length. */
  gapStarts: { channel: string; days: number }[];
}

export interface CalendarMonth {
  key: string;
  label: string;
  /** Weeks Monday to Sunday; 7 days each. */
  weeks: CalendarDay[][];
  entries: number;
  share?: number;
}

export interface PreviewGap {
  planUri: string;
  channel: string;
  from: string;
  to: string;
  days: number;
}

export interface PreviewCalendar {
  /** The span the calendar covers, and where it came from. */
  period?: Period & { of: 'plan' | 'strategy' | 'entries' };
  maxGapDays: number;
  months: CalendarMonth[];
  /** Months of the period not rendered (before and after the window). */
  omittedBefore: number;
  omittedAfter: number;
  /** "18 more months (January 2028 – June 2029) are not shown." */
  note?: string;
  undated: number;
  /** Dated entries outside the period. */
  outside: number;
  gaps: PreviewGap[];
  omittedGaps: number;
  legend: { mode: ModeKey; label: string; letter: string }[];
}

export interface PreviewFinding {
  severity: Severity;
  message: string;
  uri: string;
  path: string;
  range: Range;
}

export interface PreviewFindingGroup {
  rule: string;
  /** The most severe of the group. */
  severity: Severity;
  description: string;
  docsUrl: string;
  count: number;
  items: PreviewFinding[];
  /** Findings not listed (beyond MAX_FINDINGS_PER_RULE). */
  more: number;
}

export interface PreviewModel {
  version: 1;
  lang: Lang;
  today: string;
  /** The strategy's title, else the plan's, else the file name. */
  title: string;
  /** Folder URI paths are relative to. */
  root: string;
  /** The document the preview was asked for (buildPreviewFor). */
  focusUri?: string;
  strategy?: PreviewDocument;
  plans: PreviewDocument[];
  /** Plain sentences on what is missing: no strategy, no plans, an empty file… */
  missing: string[];
  steps: PreviewSection[];
  /** Governance, meetings, guidelines, crisis plan. */
  others: PreviewSection[];
  goals: PreviewGoal[];
  /** KPIs that measure no goal. */
  unlinkedKpis: PreviewKpi[];
  /** Live entries that serve no goal. */
  entriesWithoutGoal: number;
  mix: PreviewMix;
  calendar: PreviewCalendar;
  findings: PreviewFindingGroup[];
  totals: { errors: number; warnings: number; infos: number; hints: number; entries: number };
}

/** The modes in the order of legends and bars: push first, "no mode" last. */
export const MODE_ORDER: ModeKey[] = ['push', 'mixed', 'story', 'dialog', 'service', 'people', 'ugc', 'unknown'];

/** A share as a rounded percentage with a no-break space: `18 %`; `–` for none. */
export function fmtShare(share: number | undefined): string {
  return share === undefined ? '–' : `${Math.round(share * 100)}\u00a0%`;
}

/** Only http(s) URLs are links; everything else stays text. */
export function safeHttpUrl(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const v = s.trim();
  if (!/^https?:\/\/[^\s<>"'`]+$/i.test(v)) return undefined;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
