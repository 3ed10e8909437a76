/**
 * `npm run fuzz`: the property of test/lsp/property.ts over many seeds and edits
 * (default 10 seeds of 2,000 edits; --seeds N, --edits N, --from SEED). Prints each
 * seed's result and exits with 1 on the first mismatch, showing what differs.
 */
import { runProperty } from '../lsp/property';

const args = process.argv.slice(2);
const opt = (k: string, d: number) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};

async function main(): Promise<void> {
  const seeds = opt('seeds', 10);
  const edits = opt('edits', 2000);
  const from = opt('from', 1);
  for (let seed = from; seed < from + seeds; seed++) {
    const t0 = performance.now();
    const res = await runProperty(seed, edits);
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    if (res.mismatches.length) {
      console.log(`seed ${seed}: ${res.mismatches.length} of ${res.documents} documents differ after ${edits} edits (${s} s)`);
      console.log(JSON.stringify(res.mismatches, null, 2));
      process.exit(1);
    }
    console.log(`seed ${seed}: ${res.documents} documents, ${edits} edits, same as a fresh server (${s} s)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
