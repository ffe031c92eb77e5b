// How `npm start` runs the API (scripts/run.mjs), shared with the end-to-end tests and the import
// benchmark so that they measure the server as it is deployed.
import path from 'node:path';

/** The API bundled by `npm run build` / `npm start` (esbuild, see scripts/run.mjs). */
export const API_BUNDLE = 'apps/api/dist/server.cjs';

/**
 * Node's arguments for the API server. The heap limits bound the process's memory: without them V8
 * lets garbage grow the heap far beyond what is live before collecting it (a 100,000-row learners
 * import peaked at 443 MB; 291 MB with these limits, see docs/benchmarks.md). API_HEAP_MB sets the
 * old-generation limit (default 256).
 */
export function apiServerArgs(root, env = process.env) {
  const heapMb = Number(env.API_HEAP_MB ?? 256);
  if (!Number.isInteger(heapMb) || heapMb < 64) {
    throw new Error(
      `API_HEAP_MB must be a whole number of megabytes, at least 64 (it is "${env.API_HEAP_MB}")`,
    );
  }
  return [
    `--max-old-space-size=${heapMb}`,
    '--max-semi-space-size=4',
    '--enable-source-maps',
    path.join(root, API_BUNDLE),
  ];
}
