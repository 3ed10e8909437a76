import type { Rule } from './api';
import type { ParsedDocument, PlanEntry } from '../model';
import { t } from '../text';
import { fold } from '../vocab';
import { activeEntries, entryName } from '../plan/entries';

/**
 * docs/rules/README.md: a link on an entry whose goal is of type conversion has no `utm_` parameters,
 * so the conversions it brings cannot be traced back to the post. Fix: add
 * `utm_source=<channel>&utm_campaign=<campaign, else the goal's ID>`.
 */
export const rule: Rule = {
  meta: {
    id: 'untracked-link',
    severity: 'information',
    scope: 'entry',
    description: t(
      'A link on an entry that serves a conversion goal has no utm_ parameters, so its conversions cannot be measured.',
      'Ein Link an einem Eintrag für ein Abverkaufsziel hat keine utm_-Parameter, also lassen sich seine Konversionen nicht messen.',
    ),
    fixable: true,
  },
  check(ctx) {
    const project = ctx.project;
    for (const doc of project.plans) {
      for (const entry of activeEntries(doc)) {
        if (!entry.link) continue;
        const goal = project.goalsOfEntry(entry).find((g) => g.type?.value === 'conversion');
        if (!goal) continue;
        const url = urlOf(doc, entry);
        if (!url || hasUtm(url.url)) continue;
        const params: string[] = [];
        if (entry.channel) params.push(`utm_source=${encodeURIComponent(entry.channel.id.toLowerCase())}`);
        const campaign = (entry.campaign && slug(entry.campaign.value)) || goal.id.toLowerCase();
        params.push(`utm_campaign=${encodeURIComponent(campaign)}`);
        const hash = url.url.indexOf('#');
        const beforeHash = hash >= 0 ? url.url.slice(0, hash) : url.url;
        const sep = !beforeHash.includes('?') ? '?' : /[?&]$/.test(beforeHash) ? '' : '&';
        const at = url.start + beforeHash.length;
        const insert = sep + params.join('&');
        const name = entryName(entry);
        ctx.report({
          uri: doc.uri,
          range: doc.lines.rangeOf(url.start, url.start + url.url.length),
          message: t(
            `${name.en} links without utm_ parameters, although it serves the conversion goal ${goal.id}: the clicks and conversions it brings cannot be traced back to it.`,
            `${name.de} verlinkt ohne utm_-Parameter, obwohl der Eintrag dem Abverkaufsziel ${goal.id} dient: seine Klicks und Konversionen lassen sich ihm nicht zuordnen.`,
          ),
          fixes: [
            {
              title: t(
                `Add ${params.map((p) => p.split('=')[0]).join(' and ')} (${params.join('&')})`,
                `${params.map((p) => p.split('=')[0]).join(' und ')} ergänzen (${params.join('&')})`,
              ),
              edits: [{ uri: doc.uri, edits: [{ range: doc.lines.rangeOf(at, at), newText: insert }] }],
              preferred: true,
            },
          ],
        });
      }
    }
  },
};

/** The first http(s) URL in the link field, with its offset in the document. */
function urlOf(doc: ParsedDocument, entry: PlanEntry): { url: string; start: number } | undefined {
  const r = entry.link!.range;
  const a = doc.lines.offsetAt(r.start);
  const b = doc.lines.offsetAt(r.end);
  // Through the reading's source (a text in blocks is not joined: ParsedDocument.text).
  const src = doc.lines.source.slice(a, b);
  const m = /https?:\/\/[^\s<>()[\]|"'`]+/i.exec(src);
  if (!m) return undefined;
  // Punctuation after a URL in prose is not part of it (a trailing `?` is: an empty query).
  const url = m[0].replace(/[.,;:!*_]+$/, '');
  return { url, start: a + m.index };
}

function hasUtm(url: string): boolean {
  const q = url.split('#')[0].split('?').slice(1).join('?');
  return q.split('&').some((p) => /^utm_/i.test(p));
}

/** A campaign name as a utm value: `Frühling 2027` → `fruehling-2027`. */
function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
