import type { Rule } from './api';
import { numberOption } from './api';
import type { ParsedDocument, PlanEntry } from '../model';
import type { Range, Text } from '../text';
import { t } from '../text';
import { idKey, pushWeight } from '../vocab';
import { channelName } from './channels';
import { activeEntries, fmtNumber, fmtPercent, monthName } from '../plan/entries';

/**
 * docs/rules/README.md: the share of push entries (mixed counts ½) is above `max` (default 0.2, the
 * 80/20 rule) over the plan, over a channel, or over a calendar month, counted once at
 * least `minEntries` (default 10) entries are in that scope; above `strongMax` (default
 * 0.33, the rule of thirds) the message says so. The message gives the share, the count
 * and the scope.
 *
 * Scopes are counted per plan document. A channel or month that holds exactly the
 * entries of the whole plan is not reported again: it would say the same as the plan.
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
  check(ctx) {
    const max = numberOption(ctx, 'max');
    const strongMax = numberOption(ctx, 'strongMax');
    const minEntries = numberOption(ctx, 'minEntries');
    for (const doc of ctx.project.plans) {
      const all = activeEntries(doc);
      const scopes: Scope[] = [{ kind: 'plan', key: '', entries: all }];
      const byChannel = new Map<string, Scope>();
      const byMonth = new Map<string, Scope>();
      for (const e of all) {
        if (e.channel) {
          const k = idKey(e.channel.id);
          let s = byChannel.get(k);
          if (!s) byChannel.set(k, (s = { kind: 'channel', key: channelName(ctx.project, e.channel.id, { doc, entry: e }), entries: [] }));
          s.entries.push(e);
        }
        if (e.isoDate) {
          const k = e.isoDate.slice(0, 7);
          let s = byMonth.get(k);
          if (!s) byMonth.set(k, (s = { kind: 'month', key: k, entries: [] }));
          s.entries.push(e);
        }
      }
      for (const s of [...byChannel.values(), ...[...byMonth.values()].sort((a, b) => (a.key < b.key ? -1 : 1))]) {
        if (s.entries.length < all.length) scopes.push(s);
      }
      for (const s of scopes) {
        const count = s.entries.length;
        if (count < minEntries || count === 0) continue;
        const push = s.entries.reduce((n, e) => n + pushWeight(e.mode?.value), 0);
        const share = push / count;
        if (!(share > max)) continue;
        const range = where(doc, s);
        if (!range) continue;
        const mixed = s.entries.some((e) => e.mode?.value === 'mixed');
        ctx.report({
          uri: doc.uri,
          range,
          message: message(s, push, count, share, max, strongMax, mixed),
          data: { scope: s.kind, key: s.key, push, count, share },
        });
      }
    }
  },
};

interface Scope {
  kind: 'plan' | 'channel' | 'month';
  /** The channel ID as first written, or the month `YYYY-MM`. */
  key: string;
  entries: PlanEntry[];
}

/** Plan: the title; channel: the channel of its first push entry; month: the date of its first push entry. */
function where(doc: ParsedDocument, s: Scope): Range | undefined {
  if (s.kind === 'plan') return doc.titleRange;
  const first = s.entries.find((e) => pushWeight(e.mode?.value) > 0);
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
