import type { Rule, RuleContext } from './api';
import type { ParsedDocument, Person, Ref } from '../model';
import { t, type Text } from '../text';
import { closest, idKey, words } from '../vocab';

/** docs/rules/README.md: an owner, reviewer or resource who is not in the team */
export const rule: Rule = {
  meta: {
    id: 'unknown-person',
    severity: 'warning',
    scope: 'entry',
    description: t(
      "An owner, reviewer, KPI owner or channel resource is not a member of the strategy's team.",
      'Eine verantwortliche Person, Freigabe, KPI-Verantwortung oder Kanal-Ressource gehört nicht zum Team der Strategie.',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    const s = doc?.strategy;
    // Only when the strategy has a team; without one, missing-step says so.
    if (!doc || !s || !s.people.length) return;
    const keys = new Set(s.people.map((p) => idKey(p.id)));
    // A team member may also be named by their full name ("Anna Berg" for @anna).
    const names = new Set(s.people.map((p) => p.title && words(p.title.value).join(' ')).filter((x): x is string => !!x));
    const ctxAll = { ctx, people: s.people, keys, names };
    for (const k of s.kpis) if (k.owner) check(ctxAll, doc, k.owner, t(`owner of KPI ${k.id}`, `Verantwortung für Kennzahl ${k.id}`));
    for (const c of s.channels) for (const r of c.people) check(ctxAll, doc, r, t(`resource of channel ${c.id}`, `Ressource des Kanals ${c.id}`));
    for (const plan of ctx.project.plans) {
      for (const e of plan.plan?.entries ?? []) {
        if (e.owner) check(ctxAll, plan, e.owner, t('owner', 'Verantwortlich'));
        if (e.reviewer) check(ctxAll, plan, e.reviewer, t('reviewer', 'Freigabe'));
      }
    }
  },
};

interface Team {
  ctx: RuleContext;
  people: Person[];
  keys: Set<string>;
  names: Set<string>;
}

function check(team: Team, doc: ParsedDocument, ref: Ref, role: Text): void {
  // By handle, full name or first name (Project.lookup).
  if (team.keys.has(idKey(ref.id)) || team.names.has(words(ref.id).join(' ')) || team.ctx.project.lookup('person', ref.id)) return;
  const handles = team.people.map((p) => p.id);
  const near = closest(idKey(ref.id), handles);
  const list =
    handles.length > 10
      ? `${handles
          .slice(0, 10)
          .map((h) => `@${h}`)
          .join(', ')}, …`
      : handles.map((h) => `@${h}`).join(', ');
  // As the document writes it: '@jan' in Markdown, 'jan' in YAML.
  const start = doc.lines.offsetAt(ref.range.start);
  // Through the reading's source (a text in blocks is not joined: ParsedDocument.text).
  const who = (doc.lines.source.charAt(start - 1) === '@' ? '@' : '') + ref.id;
  team.ctx.report({
    uri: doc.uri,
    range: ref.range,
    message: t(
      `'${who}' (${role.en}) is not in the team.${near ? ` Did you mean '@${near}'?` : ''} Team: ${list}. Add them to the team section of the strategy, or name a team member.`,
      `'${who}' (${role.de}) gehört nicht zum Team.${near ? ` Meinten Sie '@${near}'?` : ''} Team: ${list}. Nehmen Sie die Person in den Team-Abschnitt der Strategie auf, oder nennen Sie ein Teammitglied.`,
    ),
  });
}
