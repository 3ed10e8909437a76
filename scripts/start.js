// npm start: build, check the bundled examples, and write their HTML report.
// The examples are dated 2027 and their READMEs speak of 15 February 2027 as "today",
// so the date is pinned for them; exit 0 either way, since finding their planted
// problems is the point. Only a failed build fails.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const node = process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const TODAY = '2027-02-15';
const run = (args) => spawnSync(node, args, { cwd: root, stdio: 'inherit' }).status;

if (run([path.join(root, 'esbuild.js'), '--no-tests']) !== 0) process.exit(1);
console.log(`\nstratdoc check examples --today ${TODAY}\n`);
run([cli, 'check', 'examples', '--today', TODAY]);
console.log('');
run([cli, 'report', 'examples', '--today', TODAY, '--out', path.join('out', 'stratdoc-report.html')]);
console.log('Open it in a browser to see the eight steps, the content mix and the calendar.');
process.exit(0);
