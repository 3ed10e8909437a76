/**
 * The layers as docs/ARCHITECTURE.md draws them, checked on the source: the extension
 * reaches the server's code only through shared/, the protocol is defined once, and the
 * core imports no adapter. A new import across a layer fails here with the file named.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(rel));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Every module a file imports (static, dynamic, re-export, require), as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const re =
    /(?:^|[\s;])(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  const found: string[] = [];
  for (const m of text.matchAll(re)) found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return found;
}

/** Where a relative import lands, relative to the repository (`shared/protocol`). */
function target(file: string, spec: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}

describe('layout: the layers hold', () => {
  it('finds the imports it checks (the reader of imports works)', () => {
    const seen = importsOf('client/src/preview.ts');
    assert.ok(seen.includes('../../shared/protocol'), seen.join(', '));
    assert.ok(seen.includes('vscode'), seen.join(', '));
  });

  it('the extension imports the server only through shared/', () => {
    const bad: string[] = [];
    for (const f of tsFiles('client/src')) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const to = target(f, spec);
        if (!to.startsWith('client/src/') && !to.startsWith('shared/')) bad.push(`${f} imports ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('shared/protocol.ts and shared/webview.ts import nothing, so every side may use them', () => {
    for (const f of ['shared/protocol.ts', 'shared/webview.ts']) assert.deepEqual(importsOf(f), [], f);
  });

  it('shared/ reaches into the server only for pure core and preview modules', () => {
    const bad: string[] = [];
    for (const f of tsFiles('shared')) {
      for (const spec of importsOf(f)) {
        const to = target(f, spec);
        if (!spec.startsWith('.')) bad.push(`${f} imports the package ${spec}`);
        else if (!to.startsWith('shared/') && !to.startsWith('server/src/core/') && !to.startsWith('server/src/preview/')) bad.push(`${f} imports ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('no source file grows past 1,000 lines: a file that does is split by responsibility (issue 13)', () => {
    const long = ['server/src', 'client/src', 'shared']
      .flatMap(tsFiles)
      .map((f) => ({ f, lines: fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').length }))
      .filter((x) => x.lines > 1000)
      .map((x) => `${x.f}: ${x.lines} lines`);
    assert.deepEqual(long, []);
  });

  it('the core imports no adapter, no LSP and no VS Code', () => {
    const bad: string[] = [];
    for (const f of tsFiles('server/src/core')) {
      for (const spec of importsOf(f)) {
        if (/^vscode/.test(spec)) bad.push(`${f} imports ${spec}`);
        if (!spec.startsWith('.')) continue;
        const to = target(f, spec);
        // package.json: the version number (core/version.ts).
        if (!to.startsWith('server/src/core/') && !to.startsWith('shared/') && to !== 'package.json') bad.push(`${f} imports ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('no adapter imports the CLI, and node/ (what the CLI and the server share) imports only the core', () => {
    const bad: string[] = [];
    for (const f of tsFiles('server/src')) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const to = target(f, spec);
        if (!f.startsWith('server/src/cli/') && to.startsWith('server/src/cli/')) bad.push(`${f} imports ${spec}`);
        if (f.startsWith('server/src/node/') && !to.startsWith('server/src/core/') && !to.startsWith('server/src/node/')) bad.push(`${f} imports ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('each request name and the configuration file name are written once, in shared/protocol.ts', () => {
    const literals = ["'stratdoc/preview'", "'stratdoc/export'", "'stratdoc/planStatus'", "'.stratdoc.yaml'"];
    const where = new Map<string, string[]>(literals.map((l) => [l, []]));
    for (const f of [...tsFiles('server/src'), ...tsFiles('client/src'), ...tsFiles('shared')]) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const l of literals) if (new RegExp(`=\\s*(\\[\\s*)?${l.replace(/[./]/g, '\\$&')}`).test(text)) where.get(l)!.push(f);
    }
    for (const [l, files] of where) assert.deepEqual(files, ['shared/protocol.ts'], `${l} is defined in ${files.join(', ') || 'no file'}`);
  });

  it("completion reads no line of the document but the cursor's own, outside the fallbacks still to move", () => {
    // docs/decisions.md "Positions from the model": what the cursor stands on comes from the
    // model and core/position.ts. The declarations below still read lines where the reader
    // makes nothing yet; the list only shrinks (a declaration that no longer reads lines
    // fails here until it leaves the list).
    const FALLBACKS: Record<string, string[]> = {
      'server/src/service/completion.ts': ['completionAt'],
    };
    // Reading another line, or the text as lines: a line of the index, the text split or scanned by lines.
    const READS =
      /\.lineText\(|\.lineStarts\b|\.lineEnd\(|\.split\(\s*(?:\/\\r\?\\n\/|'\\n'|"\\n")|\bdoc\.text\b|\benv\.doc\.text\b|frontMatterEnd\(|new LineIndex\(/;
    const files = tsFiles('server/src/service').filter((f) => /\/completion[^/]*\.ts$/.test(f));
    assert.ok(files.length >= 5, files.join(', '));
    const bad: string[] = [];
    const used = new Set<string>();
    for (const f of files) {
      const lines = fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n');
      let decl = '(top)';
      lines.forEach((l, i) => {
        const d = /^(?:export\s+)?(?:async\s+)?(?:function\*?|class|const|let)\s+(\w+)/.exec(l);
        if (d) decl = d[1];
        if (!READS.test(l.replace(/\/\/.*$|^\s*\*.*$/, ''))) return;
        if ((FALLBACKS[f] ?? []).includes(decl)) used.add(`${f} ${decl}`);
        else bad.push(`${f}:${i + 1} (${decl}) ${l.trim()}`);
      });
    }
    assert.deepEqual(bad, [], 'completion reads lines of the document: ask the model (core/position.ts) instead');
    for (const [f, decls] of Object.entries(FALLBACKS))
      for (const d of decls) assert.ok(used.has(`${f} ${d}`), `${f} ${d} reads no line any more: take it off the list`);
  });
});
