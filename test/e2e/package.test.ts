/**
 * The .vsix of `npm run package` (built once per run into out/e2e/): only the production
 * bundles and the files the manifest names, no node_modules, no sources, no tests, no
 * source maps; the bundles need nothing but Node's built-ins and `vscode`; every path the
 * manifest names is inside; under 1 MB. Prints its size and its files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { ROOT, builtVsix } from './codeserver';

interface ZipEntry {
  name: string;
  size: number;
  compressed: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zip = require('../../scripts/package.js') as { listZip(file: string): ZipEntry[]; readZipEntry(file: string, name: string): Buffer };

const MAX_BYTES = 1024 * 1024;

describe('the packaged extension (.vsix)', function () {
  this.timeout(120_000);
  let vsix = '';
  let entries: ZipEntry[] = [];
  let files: string[] = [];
  const read = (name: string) => zip.readZipEntry(vsix, `extension/${name}`);

  before(() => {
    vsix = builtVsix();
    entries = zip.listZip(vsix);
    files = entries
      .map((e) => e.name)
      .filter((n) => n.startsWith('extension/'))
      .map((n) => n.slice('extension/'.length));
    const size = fs.statSync(vsix).size;
    console.log(`      ${path.relative(ROOT, vsix)}: ${(size / 1024).toFixed(1)} KB, ${entries.length} files`);
    for (const e of entries) console.log(`        ${e.name.padEnd(54)} ${(e.size / 1024).toFixed(1).padStart(8)} KB`);
  });

  it('is smaller than 1 MB', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `${(size / 1024).toFixed(1)} KB`);
  });

  it('has the bundles, the manifest, README, CHANGELOG, LICENSE and the icon', () => {
    for (const f of [
      'dist/extension.js',
      'dist/server.js',
      'package.json',
      'package.nls.json',
      'package.nls.de.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'images/icon.png',
    ]) {
      assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
    }
  });

  it('has no node_modules, sources, tests, source maps or build leftovers', () => {
    const bad = files.filter(
      (f) =>
        /(^|\/)node_modules\//.test(f) ||
        /\.tsx?$/.test(f) ||
        /\.map$/.test(f) ||
        /^(test|out|client|server|scripts|examples|docs|\.e2e|test-artifacts)\//.test(f) ||
        /^(tsconfig\.json|esbuild\.js|package-lock\.json|\.vscodeignore|\.gitignore)$/.test(f) ||
        f === 'dist/cli.js' ||
        f.endsWith('.vsix'),
    );
    assert.deepEqual(bad, []);
  });

  it('ships every file the manifest names', () => {
    const manifest = JSON.parse(read('package.json').toString('utf8')) as {
      main: string;
      icon: string;
      l10n?: string;
      contributes: { snippets?: { path: string }[]; grammars?: { path: string }[]; yamlValidation?: { url: string }[] };
    };
    const named = [
      manifest.main,
      manifest.icon,
      ...(manifest.contributes.snippets ?? []).map((s) => s.path),
      ...(manifest.contributes.grammars ?? []).map((g) => g.path),
      ...(manifest.contributes.yamlValidation ?? []).map((y) => y.url),
    ];
    for (const p of named) {
      const rel = path.posix.normalize(p.replace(/^\.\//, ''));
      assert.ok(files.includes(rel) || files.includes(`${rel}.js`), `${p} (named in package.json) is in the .vsix`);
    }
    if (manifest.l10n)
      assert.ok(
        files.some((f) => f.startsWith(`${path.posix.normalize(manifest.l10n!.replace(/^\.\//, ''))}/bundle.l10n.`)),
        'the l10n bundles',
      );
  });

  it('has minified bundles that need only Node built-ins and vscode', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const f of ['dist/extension.js', 'dist/server.js']) {
      const js = read(f).toString('utf8');
      assert.doesNotMatch(js, /sourceMappingURL/, `${f}: no source map`);
      const required = new Set([...js.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
      const foreign = [...required].filter((m) => !builtins.has(m) && m !== 'vscode');
      assert.deepEqual(foreign, [], `${f} requires only built-ins and vscode`);
    }
  });

  it('has a 128×128 PNG icon', () => {
    const png = read('images/icon.png');
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });
});
