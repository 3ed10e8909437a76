import type { Rule } from './api';
import { problemReport } from './api';
import { t } from '../text';

/** YAML or front matter that does not parse; an unquoted `@handle` in YAML (fix: quote it); a Markdown fence or comment left open (markdown-unclosed.ts). */
export const rule: Rule = {
  meta: {
    id: 'syntax',
    severity: 'error',
    local: true,
    description: t(
      'YAML or front matter does not parse, a YAML value starts with an unquoted @, or a Markdown code block or comment left open hides what follows.',
      'YAML oder Front Matter lässt sich nicht lesen, ein YAML-Wert beginnt mit einem @ ohne Anführungszeichen, oder ein offen gelassener Codeblock oder Kommentar in Markdown verdeckt, was folgt.',
    ),
    fixable: true,
  },
  check(ctx) {
    for (const doc of ctx.project.documents) {
      for (const p of doc.problems) if (p.rule === 'syntax') ctx.report(problemReport(ctx.project, doc.uri, p));
    }
  },
};
