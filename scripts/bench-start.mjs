#!/usr/bin/env node
// `pnpm bench:start`: time from `npm start` (on an installed, built tree) to a healthy server, on a
// new embedded database (migrate + seed) and on an existing one, beside a bare Fastify server started
// the same way (tsx) in the same run. Prints medians over several runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function timeToHealthy(args, env, url) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000)
        throw new Error(`not healthy after 120 s: ${args.join(' ')}`);
      const ok = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bare = path.join(mkdtempSync(path.join(os.tmpdir(), 'lar-bench-')), 'bare.ts');
writeFileSync(
  bare,
  `import Fastify from '${path.join(root, 'apps/api/node_modules/fastify/fastify.js')}';
const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`,
);
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

const results = { fresh: [], existing: [], bare: [] };
for (let i = 0; i < RUNS; i++) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lar-bench-data-'));
  for (const kind of ['fresh', 'existing']) {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    results[kind].push(
      await timeToHealthy(['scripts/run.mjs', 'start'], env, `http://127.0.0.1:${port}/api/health`),
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  results.bare.push(
    await timeToHealthy([tsx, bare], { PORT: String(port) }, `http://127.0.0.1:${port}/api/health`),
  );
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `npm start → healthy /api/health, median of ${RUNS} runs (${os.cpus().length} cores, Node ${process.version})`,
);
console.log(`  new embedded database (migrate + demo seed): ${fmt(median(results.fresh))}`);
console.log(`  existing embedded database:                  ${fmt(median(results.existing))}`);
console.log(`  baseline, bare Fastify under tsx:            ${fmt(median(results.bare))}`);
console.log(
  `  ratio existing / baseline:                   ${(median(results.existing) / median(results.bare)).toFixed(1)}×`,
);
