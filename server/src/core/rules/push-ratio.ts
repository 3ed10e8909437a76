import type { ReportInput, Rule, Tally } from './api';
import { numberOption } from './api';
import type { ParsedDocument, PlanEntry } from '../model';
import type { Range, Text } from '../text';
import { t } from '../text';
import { idKey, pushWeight } from '../vocab';
import { channelName } from './channels';
import { fmtNumber, fmtPercent, monthName } from '../plan/entries';
import { Groups, Members, checkTally } from '../plan/tally';

/** An entry's part: its channel (ID key) and month, its push weight, whether it is mixed. */
interface Contribution {
  channel: string | undefined;
  month: string | undefined;
  weight: number;
  mixed: boolean;
}

/** The entries of a scope, those that are push (mixed included), and their sums. */
interface Count {
  members: Members;
  pushes: Members;
  push: number;
  mixed: number;
  /**
   * What was said of the scope (its name, its finding or none) under the options then;
   * dropped when an entry joins or leaves it, so a report redoes only the scopes an edit
   * changed (docs/decisions.md "What a keystroke costs").
   */
  said?: { key: string; name: string; report: ReportInput | undefined };
}

interface State {
  plan: Count;
  channels: Groups<Count>;
  months: Groups<Count>;
}

/** `first`: whether the scope's first entry is asked for (a channel's); a plan's or month's is counted only. */
const count = (first = true): Count => ({ members: new Members(first), pushes: new Members(first), push: 0, mixed: 0 });
/** A month: its first push entry places its finding, its members are only counted. */
const month = (): Count => ({ members: new Members(false), pushes: new Members(), push: 0, mixed: 0 });

function change(c: Count, x: Contribution, e: PlanEntry, sign: 1 | -1): void {
  c.said = undefined;
  c.push += sign * x.weight;
  c.mixed += sign * (x.mixed ? 1 : 0);
  if (x.weight > 0) {
    if (sign > 0) c.pushes.add(e);
    else c.pushes.remove(e);
  }
}

const tally: Tally<Contribution, State> = {
  contribution(_project, _doc, e) {
    if (e.status?.value === 'cancelled') return undefined;
    return {
      channel: e.channel ? idKey(e.channel.id) : undefined,
      month: e.isoDate ? e.isoDate.slice(0, 7) : undefined,
      weight: pushWeight(e.mode?.value),
      mixed: e.mode?.value === 'mixed',
    };
  },
  start: () => ({ plan: count(false), channels: new Groups(() => count()), months: new Groups(month) }),
  add(s, x, e) {
    s.plan.members.add(e);
    change(s.plan, x, e, 1);
    if (x.channel !== undefined) change(s.channels.add(x.channel, e), x, e, 1);
    if (x.month !== undefined) change(s.months.add(x.month, e), x, e, 1);
  },
  remove(s, x, e) {
    s.plan.members.remove(e);
    change(s.plan, x, e, -1);
    if (x.channel !== undefined) change(s.channels.remove(x.channel, e), x, e, -1);
    if (x.month !== undefined) change(s.months.remove(x.month, e), x, e, -1);
  },
  report(ctx, plans) {
    const max = numberOption(ctx, 'max');
    const strongMax = numberOption(ctx, 'strongMax');
    const minEntries = numberOption(ctx, 'minEntries');
    // A scope's finding depends on its entries, the options and the plan's own settings
    // and strategy (a change of those counts the plan afresh, with new scopes).
    const key = `${max}\n${strongMax}\n${minEntries}`;
    for (const { doc, state } of plans) {
      const all = state.plan.members.size;
      const scopes: Scope[] = [{ kind: 'plan', key: '', count: state.plan }];
      for (const [, c] of state.channels.inOrder()) {
        if (c.members.size >= all) continue;
        const first = c.members.first!;
        const name = c.said?.key === key ? c.said.name : channelName(ctx.project, first.channel!.id, { doc, entry: first });
        scopes.push({ kind: 'channel', key: name, count: c });
      }
      for (const [month, c] of [...state.months.map].sort(([a], [b]) => (a < b ? -1 : 1)))
        if (c.members.size < all) scopes.push({ kind: 'month', key: month, count: c });
      for (const s of scopes) {
        if (s.count.said?.key !== key) s.count.said = { key, name: s.key, report: scopeReport(doc, s, max, strongMax, minEntries) };
        const report = s.count.said.report;
        if (report) ctx.report(report);
      }
    }
  },
};

function scopeReport(doc: ParsedDocument, s: Scope, max: number, strongMax: number, minEntries: number): ReportInput | undefined {
  const count = s.count.members.size;
  if (count < minEntries || count === 0) return undefined;
  const push = s.count.push;
  const share = push / count;
  if (!(share > max)) return undefined;
  const range = where(doc, s);
  if (!range) return undefined;
  return {
    uri: doc.uri,
    range,
    message: message(s, push, count, share, max, strongMax, s.count.mixed > 0),
    data: { scope: s.kind, key: s.key, push, count, share },
  };
}
/**
 * docs/rules/README.md: the share of push entries (mixed counts ½) is above `max` (default 0.2, the
 * 80/20 rule) over the plan, over a channel, or over a calendar month, counted once at
 * least `minEntries` (default 10) entries are in that scope; above `strongMax` (default
 * 0.33, the rule of thirds) the message says so. The message gives the share, the count
 * and the scope.
 *
 * Scopes are counted per plan document. A channel or month that holds exactly the
 * entries of the whole plan is not reported again: it would say the same as the plan.
 *
 * Counted from per-entry contributions (Tally, docs/decisions.md "What a keystroke
 * costs"): each entry that is not cancelled adds its push weight to the plan, its channel
 * and its month; a keystroke adds and removes the entries it touched.
 */
export const rule: Rule = {
  meta: {
    id: 'push-ratio',
    severity: 'warning',
    scope: 'aggregate',
    description: t(
      'Too many push entries (advertising, offers, press releases) in a plan, a channel or a month: more than the 20 % of the 80/20 rule.',
      'Zu viele Push-Einträge (Werbung, Angebote, Pressemitteilungen) in einem Plan, einem Kanal oder einem Monat: mehr als die 20 % der 80/20-Regel.',
    ),
    options: { max: 0.2, strongMax: 0.33, minEntries: 10 },
    optionRanges: { max: { min: 0, max: 1 }, strongMax: { min: 0, max: 1 }, minEntries: { min: 1, max: 100000, integer: true } },
  },
  check: (ctx) => checkTally(tally, ctx),
  tally,
};

interface Scope {
  kind: 'plan' | 'channel' | 'month';
  /** The channel ID as first written, or the month `YYYY-MM`. */
  key: string;
  count: Count;
}

/** Plan: the title; channel: the channel of its first push entry; month: the date of its first push entry. */
function where(doc: ParsedDocument, s: Scope): Range | undefined {
  if (s.kind === 'plan') return doc.titleRange;
  const first = s.count.pushes.first;
  if (!first) return undefined;
  return s.kind === 'channel' ? first.channel?.range : first.date?.range;
}

function isDefault(v: number, d: number): boolean {
  return Math.abs(v - d) < 0.005;
}

function message(s: Scope, push: number, count: number, share: number, max: number, strongMax: number, mixed: boolean): Text {
  const scope =
    s.kind === 'plan'
      ? t('in this plan', 'in diesem Plan')
      : s.kind === 'channel'
        ? t(`on ${s.key}`, `auf ${s.key}`)
        : t(`in ${monthName(s.key, 'en')}`, `im ${monthName(s.key, 'de')}`);
  const verb = push === 1 ? t('is', 'ist') : t('are', 'sind');
  const limit = isDefault(max, 0.2)
    ? t('more than the 20 % of the 80/20 rule', 'mehr als die 20 % der 80/20-Regel')
    : t(`more than the ${fmtPercent(max)} allowed (max)`, `mehr als die erlaubten ${fmtPercent(max)} (max)`);
  const strong =
    share > strongMax
      ? isDefault(strongMax, 0.33) || isDefault(strongMax, 1 / 3)
        ? t(' and more than a third (rule of thirds)', ' und mehr als ein Drittel (Drittel-Regel)')
        : t(` and more than ${fmtPercent(strongMax)} (strongMax)`, ` und mehr als ${fmtPercent(strongMax)} (strongMax)`)
      : t('', '');
  const half = mixed ? t(' Mixed entries count half.', ' Gemischte Einträge zählen halb.') : t('', '');
  return t(
    `${fmtNumber(push, 'en')} of ${count} entries ${scope.en} ${verb.en} push (${fmtPercent(share)}), ${limit.en}${strong.en}.${half.en}`,
    `${fmtNumber(push, 'de')} von ${count} Einträgen ${scope.de} ${verb.de} Push (${fmtPercent(share)}), ${limit.de}${strong.de}.${half.de}`,
  );
}
