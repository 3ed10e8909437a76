import type { Rule } from './api';
import type { Person } from '../model';
import { t } from '../text';
import { words } from '../vocab';

/** Department words that are management wherever they stand (folded, whole words). */
const DEPT_STRONG = new Set(['geschaeftsfuehrung', 'geschaeftsleitung', 'unternehmensleitung', 'vorstand', 'vorstands', 'board']);
/** Department words that are management only with their own modifiers ("Top Management", not "Social Media Management"). */
const DEPT_WEAK = new Set(['management', 'executive']);
const DEPT_MODIFIERS = new Set([
  'management',
  'executive',
  'board',
  'top',
  'senior',
  'general',
  'upper',
  'obere',
  'oberes',
  'oberste',
  'office',
  'team',
  'leadership',
  'committee',
]);

/** Role words that are management wherever they stand. */
const ROLE_STRONG = new Set([
  'geschaeftsfuehrer',
  'geschaeftsfuehrerin',
  'geschaeftsfuehrende',
  'geschaeftsfuehrender',
  'geschaeftsfuehrung',
  'geschaeftsleitung',
  'inhaber',
  'inhaberin',
  'mitinhaber',
  'mitinhaberin',
  'eigentuemer',
  'eigentuemerin',
  'vorstand',
  'vorstands',
  'vorstaendin',
  'vorstandsvorsitzende',
  'vorstandsvorsitzender',
  'unternehmensleitung',
  'ceo',
  'founder',
  'cofounder',
  'gruender',
  'gruenderin',
  'mitgruender',
  'mitgruenderin',
]);
/** Role phrases that are management wherever they stand. */
const ROLE_PHRASES = [
  ['managing', 'director'],
  ['chief', 'executive'],
  ['managing', 'partner'],
];
/** "Owner" is management only on its own ("Owner", "Co-Owner", "Business Owner"), not "Product Owner". */
const OWNER_MODIFIERS = new Set(['owner', 'co', 'business', 'company', 'sole']);

/** Words that make a clause someone working for management, not management ("Assistenz der Geschäftsführung"). */
const SUPPORT = new Set([
  'assistenz',
  'assistent',
  'assistentin',
  'assistant',
  'referent',
  'referentin',
  'sekretariat',
  'sekretaerin',
  'sekretaer',
  'secretary',
  'buero',
  'stab',
  'stabsstelle',
]);

/** The clauses of a role or department: "Geschäftsführer, Freigabe" → two. */
function clauses(s: string): string[][] {
  return s
    .split(/[,;/&|+()]|\s[–—-]\s|\bund\b|\band\b/i)
    .map(words)
    .filter((c) => c.length);
}

function hasPhrase(ws: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= ws.length; i++) if (phrase.every((p, j) => ws[i + j] === p)) return true;
  return false;
}

/** Management as docs/rules/README.md defines it (see docs/rules/no-management.md). */
export function isManagement(p: Person): boolean {
  if (p.management) return p.management.value;
  const own = (c: string[]) => !c.some((w) => SUPPORT.has(w));
  for (const c of clauses(p.department?.value ?? '').filter(own)) {
    if (c.some((w) => DEPT_STRONG.has(w))) return true;
    if (c.some((w) => DEPT_WEAK.has(w)) && c.every((w) => DEPT_MODIFIERS.has(w))) return true;
  }
  for (const c of clauses(p.role?.value ?? '').filter(own)) {
    if (c.some((w) => ROLE_STRONG.has(w))) return true;
    if (ROLE_PHRASES.some((ph) => hasPhrase(c, ph))) return true;
    if (c.includes('owner') && c.every((w) => OWNER_MODIFIERS.has(w))) return true;
  }
  return false;
}

/** docs/rules/README.md: no team member from management ("Chefsache") */
export const rule: Rule = {
  meta: {
    id: 'no-management',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'No team member is from management (managing director, board, owner, CEO…); social media is a matter for the top.',
      'Kein Teammitglied gehört zur Geschäftsführung (Geschäftsführung, Vorstand, Inhaber, CEO…); Social Media ist Chefsache.',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    const s = doc?.strategy;
    if (!doc || !s || !s.people.length) return;
    if (s.people.some(isManagement)) return;
    const team = s.sections.find((x) => x.keys.includes('team'));
    const n = s.people.length;
    ctx.report({
      uri: doc.uri,
      range: team?.headingRange ?? doc.titleRange,
      message: t(
        `${n === 1 ? 'The only team member is not' : `None of the ${n} team members is`} from management (managing director, board, owner, CEO). Social media is a matter for the top: add someone from management to the team, or mark a member with 'management: yes'.`,
        `${n === 1 ? 'Das einzige Teammitglied gehört' : `Keines der ${n} Teammitglieder gehört`} ${n === 1 ? 'nicht ' : ''}zur Geschäftsführung (Geschäftsführung, Vorstand, Inhaber, CEO). Social Media ist Chefsache: Nehmen Sie jemanden aus der Geschäftsführung ins Team auf, oder kennzeichnen Sie ein Mitglied mit 'Management: ja'.`,
      ),
    });
  },
};
