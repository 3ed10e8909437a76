import type { Rule, Tally } from './api';
import { numberOption } from './api';
import type { ParsedDocument } from '../model';
import type { Range, Text } from '../text';
import { t } from '../text';
import { MODES, enumLabel, idKey, pushWeight, type Mode } from '../vocab';
import { fmtNumber, fmtPercent } from '../plan/entries';
import { channelName } from './channels';
import { Groups, Members, bump, checkTally } from '../plan/tally';

/**
 * The modes that are not promotion (docs/rules/content-mix.md): stories, dialog, service,
 * people (personal interaction) and content shared from others (ugc), per the rule of
 * thirds; mixed counts half, as for push-ratio.
 */
const NON_PROMO: ReadonlySet<Mode> = new Set<Mode>(['story', 'dialog', 'service', 'people', 'ugc']);

function nonPromoWeight(m: Mode | undefined): number {
  return m === undefined ? 0 : NON_PROMO.has(m) ? 1 : m === 'mixed' ? 0.5 : 0;
}

/** The entries of a scope and their sums: push and non-promotion weights, entries per mode. */
interface Count {
  members: Members;
  push: number;
  other: number;
  byMode: Map<Mode | undefined, number>;
}

interface Scope {
  kind: 'plan' | 'channel';
  name: string;
  count: Count;
}

/** An entry's part (not cancelled): its channel (ID key) and mode. */
interface Contribution {
  channel: string | undefined;
  mode: Mode | undefined;
}

interface State {
  plan: Count;
  channels: Groups<Count>;
}

/** `first` false: the plan's scope, only counted (its finding is placed at the title). */
const count = (first = true): Count => ({ members: new Members(first), push: 0, other: 0, byMode: new Map() });

/** Adds (sign 1) or removes (-1) an entry's sums; its membership is the caller's. */
function change(c: Count, x: Contribution, sign: 1 | -1): void {
  c.push += sign * pushWeight(x.mode);
  c.other += sign * nonPromoWeight(x.mode);
  bump(c.byMode, x.mode, sign);
}

const tally: Tally<Contribution, State> = {
  contribution: (_project, _doc, e) =>
    e.status?.value === 'cancelled' ? undefined : { channel: e.channel ? idKey(e.channel.id) : undefined, mode: e.mode?.value },
  start: () => ({ plan: count(false), channels: new Groups(() => count()) }),
  add(s, x, e) {
    s.plan.members.add(e);
    change(s.plan, x, 1);
    if (x.channel !== undefined) change(s.channels.add(x.channel, e), x, 1);
  },
  remove(s, x, e) {
    s.plan.members.remove(e);
    change(s.plan, x, -1);
    if (x.channel !== undefined) change(s.channels.remove(x.channel, e), x, -1);
  },
  report(ctx, plans) {
    const floor = numberOption(ctx, 'floor');
    const minEntries = numberOption(ctx, 'minEntries');
    for (const { doc, state } of plans) {
      const all = state.plan.members.size;
      if (all < minEntries) continue;
      const scopes: Scope[] = [{ kind: 'plan', name: '', count: state.plan }];
      for (const [, c] of state.channels.inOrder()) {
        if (c.members.size >= all) continue;
        const first = c.members.first!;
        scopes.push({ kind: 'channel', name: channelName(ctx.project, first.channel!.id, { doc, entry: first }), count: c });
      }
      for (const s of scopes) {
        const n = s.count.members.size;
        if (n < minEntries) continue;
        const push = s.count.push;
        if (push / n > 1 - floor) continue;
        const other = s.count.other;
        const dialog = s.count.byMode.get('dialog') ?? 0;
        const under = other / n < floor;
        if (!under && dialog > 0) continue;
        const range = where(doc, s);
        if (!range) continue;
        const none = s.count.byMode.get(undefined) ?? 0;
        ctx.report({
          uri: doc.uri,
          range,
          message: message(s, { n, push, other, dialog, none, under, floor }),
          data: { scope: s.kind, key: s.name, count: n, push, other, dialog, withoutMode: none },
        });
      }
    }
  },
};

/**
 * docs/rules/content-mix.md: beside the push ceiling (push-ratio), a plan or a channel of
 * it (at least `minEntries` entries) with no dialog at all, or whose stories, dialog,
 * service, people and shared content stay under `floor` (default 2/3, the rule of thirds).
 * Entries without a mode count as neither. A scope whose push share alone exceeds
 * 1 − floor is left to push-ratio and push-only. Counted from per-entry contributions
 * (Tally, docs/decisions.md "What a keystroke costs").
 */
export const rule: Rule = {
  meta: {
    id: 'content-mix',
    severity: 'warning',
    scope: 'aggregate',
    description: t(
      'A plan or a channel lacks the content beside promotion: no dialog at all, or stories, dialog and service stay under two thirds (rule of thirds).',
      'Einem Plan oder Kanal fehlt der Inhalt neben der Werbung: gar kein Dialog, oder Geschichten, Dialog und Service bleiben unter zwei Dritteln (Drittel-Regel).',
    ),
    options: { floor: 0.67, minEntries: 10 },
    optionRanges: { floor: { min: 0, max: 1 }, minEntries: { min: 1, max: 100000, integer: true } },
  },
  check: (ctx) => checkTally(tally, ctx),
  tally,
};

function where(doc: ParsedDocument, s: Scope): Range | undefined {
  return s.kind === 'plan' ? doc.titleRange : s.count.members.first?.channel?.range;
}

function message(s: Scope, c: { n: number; push: number; other: number; dialog: number; none: number; under: boolean; floor: number }): Text {
  const scope = s.kind === 'plan' ? t('in this plan', 'in diesem Plan') : t(`on ${s.name}`, `auf ${s.name}`);
  const floorText =
    Math.abs(c.floor - 0.67) < 0.005 || Math.abs(c.floor - 2 / 3) < 0.005
      ? t('two thirds (rule of thirds)', 'zwei Drittel (Drittel-Regel)')
      : t(`${fmtPercent(c.floor)} (floor)`, `${fmtPercent(c.floor)} (floor)`);
  const counts = modeCounts(s.count.byMode);
  if (c.under) {
    const noDialog = c.dialog === 0 ? t(', and none invites dialog', ', und keiner lädt zum Dialog ein') : t('', '');
    return t(
      `Only ${fmtNumber(c.other, 'en')} of ${c.n} entries ${scope.en} tell a story, ask, help or show people (${fmtPercent(c.other / c.n)}), less than ${floorText.en}${noDialog.en} (${counts.en}). Plan the content beside promotion, not only less push.`,
      `Nur ${fmtNumber(c.other, 'de')} von ${c.n} Einträgen ${scope.de} erzählen, fragen, helfen oder zeigen Menschen (${fmtPercent(c.other / c.n)}), weniger als ${floorText.de}${noDialog.de} (${counts.de}). Planen Sie die Inhalte neben der Werbung, nicht nur weniger Push.`,
    );
  }
  return t(
    `None of the ${c.n} entries ${scope.en} invites dialog (a question, a poll, a Q&A): social media is a conversation, not a broadcast (${counts.en}).`,
    `Keiner der ${c.n} Einträge ${scope.de} lädt zum Dialog ein (eine Frage, eine Umfrage, eine Fragerunde): Social Media ist ein Gespräch, keine Sendung (${counts.de}).`,
  );
}

/** `5 service, 3 story, 1 push, 2 without a mode`: the entries of a scope by mode, most first. */
function modeCounts(by: Map<Mode | undefined, number>): Text {
  const list = [...by.entries()].sort((a, b) => b[1] - a[1] || (a[0] ?? '~').localeCompare(b[0] ?? '~'));
  const part = (lang: 'en' | 'de') =>
    list.map(([m, n]) => `${n} ${m ? (lang === 'de' ? enumLabel(MODES, m, 'de') : m) : lang === 'de' ? 'ohne Modus' : 'without a mode'}`).join(', ');
  return t(part('en'), part('de'));
}
