/**
 * What every thread of `stratdoc check` does with a project it holds (docs/decisions.md
 * "Many files"): run its rules and turn the findings of the targets into CLI diagnostics,
 * each in its document's language and with its fingerprint. The main thread does the same
 * with the projects it holds, so the output cannot depend on the number of threads.
 */
import * as path from 'node:path';
import { ConfigResolver, type ConfigHost } from '../core/config';
import { docLanguage } from '../core/edit/templates';
import { checkProject, compareFindings, type Finding } from '../core/engine';
import { isInside, readConfigFile, realFolder } from '../core/files';
import { itemKeysOf } from '../core/fingerprint';
import type { ParsedDocument } from '../core/model';
import type { Project } from '../core/project';
import type { Lang, Position, Text } from '../core/text';
import { toPath, toUri } from '../core/uri';
import { fromFinding, type CliDiagnostic } from './diagnostics';
import { projectRoot } from './files';

/** Everything a thread needs to check projects and word their findings: plain data, it crosses threads. */
export interface CheckContext {
  today: string;
  /** The folder file names are relative to. */
  cwd: string;
  /** --lang: every finding in it. */
  lang?: Lang;
  /** The language of what is no document (LANG, else English). */
  fallback: Lang;
  /** The configuration, as ConfigResolver is made from it (configResolver below). */
  config: ConfigSource;
}

/** --config FILE (its text read once, on the main thread) and the project roots. */
export interface ConfigSource {
  explicit?: { path: string; uri: string; text: string | { error: Text } };
  roots: string[];
}

/**
 * The configuration of a run: --config FILE, else the nearest .stratdoc.yaml of each
 * document, read inside the project roots only (docs/security.md). Each thread makes its
 * own from the same source, and so resolves the same configuration.
 */
export function configResolver(src: ConfigSource): ConfigResolver {
  const { explicit, roots } = src;
  const boundaries = roots.map(realFolder);
  const host: ConfigHost = {
    readFile(uri) {
      if (explicit && uri === explicit.uri) return explicit.text;
      const p = toPath(uri);
      if (!p) return undefined;
      const real = realFolder(path.dirname(p));
      const boundary = boundaries.find((b) => isInside(real, b));
      return boundary === undefined ? undefined : readConfigFile(p, boundary);
    },
  };
  return new ConfigResolver(host, {
    explicitFile: explicit?.uri,
    roots: roots.map(folderUri).sort((a, b) => b.length - a.length),
  });
}

/** The URI of a folder, with its closing slash. */
export function folderUri(p: string): string {
  const u = toUri(p);
  return u.endsWith('/') ? u : u + '/';
}

/**
 * The language of a document's findings (docs/cli.md "Language"): --lang, else the
 * document's `language:`, else its configuration's, else its strategy's (for a plan), else
 * the language its text is written in. What is no document: the configuration's, else the
 * fallback (the environment), so LANG=C does not turn a German strategy's findings English.
 */
export function languageOf(
  ctx: Pick<CheckContext, 'lang' | 'fallback'>,
  configs: ConfigResolver,
  uri: string,
  doc?: ParsedDocument,
  strategy?: ParsedDocument,
): Lang {
  if (ctx.lang) return ctx.lang;
  return doc?.language ?? configs.forDocument(uri).language ?? strategy?.language ?? (doc ? docLanguage(strategy ?? doc) : ctx.fallback);
}

/**
 * The project root of a document (the nearest folder with .stratdoc.yaml or .git), by
 * folder, remembered: fingerprints name files relative to it (docs/cli.md "Fingerprints").
 */
export function rootOf(): (uri: string) => string {
  const byFolder = new Map<string, string>();
  return (uri) => {
    const file = toPath(uri);
    if (!file) return '/';
    const folder = path.dirname(file);
    let r = byFolder.get(folder);
    if (r === undefined) byFolder.set(folder, (r = projectRoot(folder, true)));
    return r;
  };
}

/** Checks projects for one thread: the configuration and the roots are made once. */
export class ProjectChecker {
  readonly configs: ConfigResolver;
  private readonly root = rootOf();

  constructor(
    private readonly ctx: CheckContext,
    configs?: ConfigResolver,
  ) {
    this.configs = configs ?? configResolver(ctx.config);
  }

  /** The findings of a project, sorted as the Workspace sorts them (Workspace.checkProject). */
  findings(p: Project): Finding[] {
    return checkProject(p, { today: this.ctx.today, configFor: (u) => this.configs.forDocument(u) }).sort(compareFindings);
  }

  /** The diagnostics of a project's findings on the targets, in the findings' order. */
  diagnostics(p: Project, findings: Finding[], isTarget: (uri: string) => boolean): CliDiagnostic[] {
    const out: CliDiagnostic[] = [];
    const docs = new Map(p.documents.map((d) => [d.uri, d]));
    const keys = new Map<string, (at: Position) => string>();
    const langs = new Map<string, Lang>();
    for (const f of findings) {
      if (!isTarget(f.uri)) continue;
      const doc = docs.get(f.uri);
      let k = keys.get(f.uri);
      if (!k) keys.set(f.uri, (k = itemKeysOf(doc)));
      let l = langs.get(f.uri);
      if (!l) langs.set(f.uri, (l = languageOf(this.ctx, this.configs, f.uri, doc, doc?.kind === 'plan' ? p.strategy : undefined)));
      out.push(fromFinding(f, this.ctx.cwd, l, k(f.range.start), this.root(f.uri)));
    }
    return out;
  }

  /** Where fingerprints of a file are relative to. */
  rootOf(uri: string): string {
    return this.root(uri);
  }
}
