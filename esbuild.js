// Bundles the language server, the VS Code extension and the CLI into dist/.
// `node esbuild.js --watch` rebuilds on change; `--minify` for packaging.
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

async function main() {
  const fs = require('fs');
  const present = builds.filter((b) => fs.existsSync(b.entryPoints[0]));
  if (watch) {
    for (const b of present) (await esbuild.context({ ...common, ...b })).watch();
    return;
  }
  await Promise.all(present.map((b) => esbuild.build({ ...common, ...b })));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
