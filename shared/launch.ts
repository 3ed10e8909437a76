/**
 * How the language server's Node process is started: by the extension (client/src/extension.ts)
 * and by the benchmarks, so these measure the server as editors run it (docs/decisions.md
 * "Memory", docs/performance.md "RSS").
 */

/**
 * Node flags of the server: none. A smaller young generation (`--max-semi-space-size=2`)
 * held 8 MB less at rest but nearly tripled the time spent collecting garbage on
 * keystrokes in a large YAML plan (docs/decisions.md "Memory").
 */
export const SERVER_NODE_FLAGS: readonly string[] = [];

/**
 * Environment of the server. `MALLOC_ARENA_MAX=1`: glibc gives each of V8's worker threads
 * (concurrent marking, compiling) its own malloc arena, and memory freed there stays
 * resident; one arena reuses it. Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
