/**
 * V8's young generation in a CLI run that reads on one thread (docs/decisions.md "Memory",
 * docs/performance.md "CLI peak after the next cuts"): reading a big plan builds a model that survives
 * whole, so V8 doubles the young generation's two halves from 1 MB up to 16 MB each, and
 * those 32 MB stay committed to the end of the run. Kept at its first size, the peak of
 * `stratdoc check` on the 10,000-row plan drops from ~156 to ~134 MB with no CPU cost
 * measurable on this machine (more, smaller scavenges; CPU within the noise on the 1,000-
 * and 10,000-row plans; the 50,000-entry YAML plan 612 -> ~500 MB for 6-20 % more CPU).
 * Runs of many files (workers, or `--jobs 1` on them: there the CPU is the goal and V8's
 * default is kept) are left alone.
 */
import * as v8 from 'node:v8';

/** V8 versions whose `--semi-space-growth-factor` is known: an unknown flag would be printed on stdout. */
const KNOWN_V8 = /^1[12]\./;

let done = false;

/** Keeps the young generation at its first size from now on (once per process; a no-op on other V8 versions). */
export function keepYoungGenerationSmall(): void {
  if (done || !KNOWN_V8.test(process.versions.v8)) return;
  done = true;
  // Read by V8 each time it would grow the young generation (its next size = this × its size).
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
