#!/usr/bin/env node
// `npm run package`: the production bundles (esbuild --minify, no source maps, no tests),
// staged in out/vsix/ with the files the manifest names, packed by @vscode/vsce into
// stratdoc-<version>.vsix at the project root. The bundles carry every dependency, so vsce
// runs with --no-dependencies (no node_modules in the .vsix); .vscodeignore keeps only
// dist/ (without the CLI), the manifest and its nls files, l10n/, snippets/, syntaxes/, the
// walkthrough's media/walkthrough/, the icon, README, CHANGELOG and LICENSE. Prints the
// size and the file list.
//   node scripts/package.js [--out FILE] [--quiet]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');

/** Entries of a .zip (a .vsix is one) from its central directory: name, size, compressed size. */
function listZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressed, method, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry of a .zip. */
function readZipEntry(file, name) {
  const buf = fs.readFileSync(file);
  const e = listZip(file).find((x) => x.name === name);
  if (!e) throw new Error(`${name} is not in ${file}`);
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  const data = buf.subarray(start, start + e.compressed);
  return e.method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
}

function vsixPath() {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return path.join(ROOT, `stratdoc-${version}.vsix`);
}

/** The files of the project the .vsix is made of (.vscodeignore picks from them again). */
const STAGED = [
  'package.json',
  'package.nls.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
  'images/icon.png',
  'l10n',
  'snippets',
  'syntaxes',
  'media/walkthrough',
];

/**
 * Builds the production bundles and the .vsix; returns its path. Everything is staged in
 * out/vsix/ (bundles built there with `esbuild.js --dist`), so a build of dist/ running at
 * the same time (npm test, --watch) cannot mix debug bundles into the package.
 */
function packageVsix({ out = vsixPath(), quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit';
  const stage = path.join(ROOT, 'out', 'vsix');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  for (const f of [...STAGED, ...fs.readdirSync(ROOT).filter((f) => /^package\.nls\..+\.json$/.test(f))]) {
    const from = path.join(ROOT, f);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, f), { recursive: true });
  }
  // `files` and `prepack` are for the npm package (the CLI); vsce refuses `files` beside
  // .vscodeignore, and the .vsix is built here, not by npm.
  const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
  delete manifest.files;
  delete manifest.scripts.prepack;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--minify', '--no-tests', '--dist', path.join(stage, 'dist')], { cwd: ROOT, stdio });
  // The command line is for npm (`bin`), not for the extension; no source maps in a minified build.
  fs.rmSync(path.join(stage, 'dist', 'cli.js'), { force: true });
  for (const f of fs.readdirSync(path.join(stage, 'dist'), { recursive: true })) if (String(f).endsWith('.map')) fs.rmSync(path.join(stage, 'dist', String(f)));
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [ROOT] })), 'vsce');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--no-git-tag-version', '-o', out], { cwd: stage, stdio });
  return out;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = packageVsix({ out: at >= 0 ? path.resolve(args[at + 1]) : undefined, quiet: args.includes('--quiet') });
  const entries = listZip(out);
  for (const e of entries) console.log(`  ${e.name.padEnd(56)} ${kb(e.size).padStart(10)}`);
  console.log(`${path.relative(process.cwd(), out)}: ${kb(fs.statSync(out).size)} (${entries.length} files)`);
}

module.exports = { ROOT, STAGED, listZip, readZipEntry, packageVsix, vsixPath };
