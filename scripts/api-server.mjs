// How `npm start` runs the API (scripts/run.mjs), shared with the end-to-end tests and the import
// benchmark so that they measure the server as it is deployed.
import path from 'node:path';

/** The API bundled by `npm run build` / `npm start` (esbuild, see scripts/run.mjs). */
export const API_BUNDLE = 'apps/api/dist/server.cjs';

/**
 * Node's arguments and environment for the API server, bounding the process's memory (measured on a
 * 100,000-row learners import, see docs/benchmarks.md):
 * - heap limits: without them V8 lets garbage grow the heap far beyond what is live before collecting
 *   it (peak 469 MB without, about 290 MB with). API_HEAP_MB sets the old-generation limit (256).
 * - young generation of 16 MB semi-spaces: a batch of an import lives a few tens of milliseconds,
 *   which with 4 MB outlived two scavenges, so its rows were promoted and collected by a full
 *   mark-compact every 200 ms (2.40 s for 100,000 rows with 4 MB, 2.09–2.15 s with 16 MB; the peak
 *   265–270 MB, within the 300 MB goal).
 * - MALLOC_ARENA_MAX=2 (unless set): glibc otherwise gives each thread that allocates (libuv's pool,
 *   hashing, the database driver's buffers) an arena of its own, whose freed memory is not returned
 *   (about 25–35 MB of the peak).
 */
export function apiServer(root, env = process.env) {
  const heapMb = Number(env.API_HEAP_MB ?? 256);
  if (!Number.isInteger(heapMb) || heapMb < 64) {
    throw new Error(
      `API_HEAP_MB must be a whole number of megabytes, at least 64 (it is "${env.API_HEAP_MB}")`,
    );
  }
  return {
    args: [
      `--max-old-space-size=${heapMb}`,
      '--max-semi-space-size=16',
      '--enable-source-maps',
      path.join(root, API_BUNDLE),
    ],
    env: { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' },
  };
}
