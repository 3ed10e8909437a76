// Lets Node require TypeScript directly (`mocha --require ./scripts/ts-register.js`), for
// `npm run test:fast`: each .ts file is transpiled by esbuild when it is first required,
// without type check and without bundling (CONTRIBUTING.md "The fast loop"). The same
// transpiler and define as esbuild.js, so the code that runs is the code that ships.
// Node 20.19+ requires the ES-module-only packages (unified, remark) from CommonJS.
const esbuild = require('esbuild');
const fs = require('fs');

const VERSION = JSON.stringify(require('../package.json').version);

require.extensions['.ts'] = function (module, filename) {
  const { code } = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    define: { VERSION },
  });
  module._compile(code, filename);
};
