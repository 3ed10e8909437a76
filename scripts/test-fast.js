#!/usr/bin/env node
// `npm run test:fast [folder or file…] [--slow]`: the loop for someone writing a rule
// (CONTRIBUTING.md "The fast loop"). No type check and no build: mocha runs the tests from
// source, each TypeScript file transpiled by esbuild as it is first required
// (scripts/ts-register.js). By default the core and rule tests and the CLI's in-process
// units, without the tests tagged `@slow` in their title (the exhaustive differential
// runs over every fixture, generated corpora and spec examples); `--slow` runs those too,
// and `npm run test:unit` always does. `test/cli` adds the tests that run the built CLI
// (each a process: minutes, not seconds, on a busy machine); for those the CLI is bundled.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const argv = process.argv.slice(2);
const slow = argv.includes('--slow');
const args = argv.filter((a) => a !== '--slow');
const picked = args.length ? args : ['test/core', 'test/rules', 'test/cli/units.test.ts'];
const BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(require('../package.json').version) },
};

function testsUnder(p) {
  const abs = path.resolve(ROOT, p);
  if (!fs.existsSync(abs)) throw new Error(`no such test folder or file: ${p}`);
  if (fs.statSync(abs).isFile()) return [abs];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const q = path.join(abs, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testsUnder(q);
    return e.name.endsWith('.test.ts') ? [q] : [];
  });
}

async function main() {
  const tests = picked.flatMap(testsUnder);
  // The CLI tests run the built CLI (test/cli/harness.ts).
  if (tests.some((f) => f.includes(`${path.sep}test${path.sep}cli${path.sep}`) && !f.endsWith('units.test.ts'))) {
    await esbuild.build({
      ...BUNDLE,
      entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')],
      outfile: path.join(ROOT, 'dist/cli.js'),
      banner: { js: '#!/usr/bin/env node' },
    });
  }
  const mocha = [require.resolve('mocha/bin/mocha.js'), '--reporter', 'dot'];
  if (!slow) mocha.push('--grep', '@slow', '--invert');
  let files;
  if (process.features.require_module) {
    mocha.push('--require', path.join(__dirname, 'ts-register.js'));
    files = tests.map((f) => path.relative(ROOT, f));
  } else {
    // Node before 20.19 cannot require the ES-module-only packages (unified, remark) from
    // CommonJS: bundle the chosen tests instead, in one esbuild run, as esbuild.js does.
    await esbuild.build({ ...BUNDLE, entryPoints: tests, outdir: path.join(ROOT, 'out'), outbase: ROOT, external: ['vscode', 'mocha', 'playwright-core'] });
    files = tests.map((f) => path.join('out', path.relative(ROOT, f).replace(/\.ts$/, '.js')));
  }
  const r = spawnSync(process.execPath, ['--enable-source-maps', ...mocha, ...files], { cwd: ROOT, stdio: 'inherit' });
  if (!slow && r.status === 0) console.log('(tests tagged @slow left out: `npm run test:fast -- --slow` or `npm run test:unit` runs them)');
  process.exit(r.status ?? 1);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
