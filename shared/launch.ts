/**
 * How the language server's Node process is started: by the extension (client/src/extension.ts)
 * and by the benchmarks, so these measure the server as editors run it (docs/decisions.md
 * "Memory", docs/performance.md "RSS"). Both settings trade nothing measurable in CPU time
 * for resident memory that a long-lived, mostly idle editor process holds for nothing.
 */

/**
 * Node flags of the server. `--max-semi-space-size` (MB): V8 grows its young generation
 * up to 16 MB per semi-space (two of them, committed once grown) while the workspace is
 * read; the server's allocations die young in far smaller slices.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/**
 * Environment of the server. `MALLOC_ARENA_MAX=1`: glibc gives each of V8's worker threads
 * (concurrent marking, compiling) its own malloc arena, and memory freed there stays
 * resident; one arena reuses it. Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
