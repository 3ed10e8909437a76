/**
 * The preview's "What this change does" against the last commit (docs/decisions.md
 * "Changes, not the whole plan"): the CLI's way, `git` from the PATH run by the server,
 * so every editor gets it from the same request and the VS Code git extension is not
 * needed. The documents as they are in the editor (saved or not) are compared with HEAD.
 * The old side is read once per commit and kept.
 */
import * as path from 'node:path';
import { planChange } from '../core/change';
import { itemKeyAt, itemKeysOf } from '../core/fingerprint';
import type { Project } from '../core/project';
import type { Lang } from '../core/text';
import { t } from '../core/text';
import { toPath } from '../core/uri';
import { compareWithBaseline } from '../node/baseline';
import { collectOld, rootOf, type Collected } from '../node/collect';
import { compareDiagnostics, fromFinding, numberFingerprints, relativeFile, type CliDiagnostic } from '../node/diagnostics';
import { checkoutOld, gitTop, resolveCommit } from '../node/git';
import { changeHtml } from '../preview/change';
import type { ServiceContext } from './context';

let cached: { key: string; old: Collected | undefined } | undefined;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The section's HTML for the project, or a short note why there is none. */
export function previewChange(ctx: ServiceContext, project: Project, base: string, lang: Lang): string {
  const home = project.strategy ?? project.plans[0];
  const file = home ? toPath(home.uri) : undefined;
  if (!file)
    return note(t('Only files on disk can be compared with a commit.', 'Nur Dateien auf der Festplatte lassen sich mit einem Commit vergleichen.'), lang);
  const folder = path.dirname(file);
  const top = gitTop(folder);
  if ('error' in top) return note(top.error, lang);
  const rel = path.relative(top.top, folder) || '.';
  const today = ctx.today();
  // One spawn to learn the commit; the old documents are read again only when it changes.
  const rev = resolveCommit(base, top.top);
  if ('error' in rev) return note(rev.error, lang);
  const key = `${rev.commit}\n${top.top}\n${rel}\n${today}`;
  let old: Collected | undefined;
  if (cached?.key === key) old = cached.old;
  else {
    const tree = checkoutOld(rev.commit, top.top);
    if ('error' in tree) return note(tree.error, lang);
    try {
      old = collectOld(tree, { paths: [rel], today }, { cwd: top.top, env: process.env });
    } finally {
      tree.dispose();
    }
    cached = { key, old };
  }
  // The editor's findings of the project, fingerprinted like the CLI's.
  // The same documents on both sides: those under the project's folder.
  const under = (u: string) => {
    const p = toPath(u);
    return !!p && (p === folder || p.startsWith(folder + path.sep));
  };
  const now: CliDiagnostic[] = [];
  const root = rootOf();
  for (const [uri, list] of ctx.findings()) {
    if (!under(uri)) continue;
    const keyAt = itemKeysOf(ctx.ws.get(uri));
    for (const f of list)
      now.push(fromFinding(f, top.top, lang, f.uri === uri ? keyAt(f.range.start) : itemKeyAt(ctx.ws.get(f.uri), f.range.start), root(f.uri)));
  }
  now.sort(compareDiagnostics);
  numberFingerprints(now);
  const cmp = compareWithBaseline(now, old?.all ?? []);
  const change = planChange(
    old
      ? { ws: old.prepared.ws, pathOf: (u) => relativeFile(u, old.cwd), include: (u) => old.prepared.targetUris.has(u) }
      : { ws: ctx.ws, pathOf: (u) => u, include: () => false },
    { ws: ctx.ws, pathOf: (u) => relativeFile(u, top.top), include: under },
  );
  return changeHtml({ base, change, newFindings: now.filter((d) => d.status === 'new'), fixed: cmp.fixed }, lang, () => undefined);
}

function note(text: { en: string; de: string }, lang: Lang): string {
  const title = lang === 'de' ? 'Was diese Änderung bewirkt' : 'What this change does';
  return `<section class="sd-section sd-change" id="sd-change"><h2>${esc(title)}</h2>\n<p>${esc(text[lang])}</p>\n</section>\n`;
}
