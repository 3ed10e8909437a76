/** Loads a folder of documents into a core Workspace, as the CLI does, for tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { toUri } from '../../server/src/core/uri';
import type { Finding } from '../../server/src/core/engine';
import { repoRoot } from './repo';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(p);
      } else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** `csv`: read `.csv` files too (CSV plans), as the CLI does. */
export function loadWorkspace(dir: string, overrides: Record<string, string> = {}, opts: { csv?: boolean } = {}): Workspace {
  const root = toUri(path.resolve(dir)) + '/';
  const configs = new ConfigResolver(
    {
      readFile(uri: string) {
        const rel = uri.startsWith(root) ? decodeURIComponent(uri.slice(root.length)) : undefined;
        if (rel !== undefined && overrides[rel] !== undefined) return overrides[rel];
        try {
          return fs.readFileSync(new URL(uri), 'utf8');
        } catch {
          return undefined;
        }
      },
    },
    { roots: [root] },
  );
  const ws = new Workspace(configs);
  for (const f of listFiles(dir)) {
    if (!(opts.csv ? /\.(md|markdown|ya?ml|csv)$/i : /\.(md|markdown|ya?ml)$/i).test(f) || path.basename(f) === '.stratdoc.yaml') continue;
    const rel = path.relative(dir, f).split(path.sep).join('/');
    ws.set(toUri(path.resolve(f)), overrides[rel] ?? fs.readFileSync(f, 'utf8'));
  }
  return ws;
}

/** `file:line:col rule` (1-based, file relative to dir) for findings. */
export function describe1(f: Finding, dir: string): string {
  const root = toUri(path.resolve(dir)) + '/';
  const rel = decodeURIComponent(f.uri.startsWith(root) ? f.uri.slice(root.length) : f.uri);
  return `${rel}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`;
}

export function allFindings(ws: Workspace, today: string): Finding[] {
  return [...ws.check(today).values()].flat();
}

/**
 * Every fixture workspace and example: each folder of test/fixtures, each folder in it (one
 * small workspace per rule, per shape…), and each example.
 */
export function fixtureWorkspaces(): string[] {
  const root = repoRoot();
  const out: string[] = [];
  const fixtures = path.join(root, 'test', 'fixtures');
  for (const d of fs.readdirSync(fixtures, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const p = path.join(fixtures, d.name);
    out.push(p);
    for (const s of fs.readdirSync(p, { withFileTypes: true })) if (s.isDirectory()) out.push(path.join(p, s.name));
  }
  const examples = path.join(root, 'examples');
  for (const d of fs.readdirSync(examples, { withFileTypes: true })) if (d.isDirectory()) out.push(path.join(examples, d.name));
  return out;
}
