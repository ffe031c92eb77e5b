#!/usr/bin/env node
// `npm start`, `npm test` and `pnpm dev` on a fresh machine with only Node.js and npm: install what
// is missing (pnpm itself through npx), generate Prisma Client, build the app when its sources
// changed, then run. Each step is skipped when a stamp shows it is already done.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_BUNDLE, apiServer } from './api-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.33.0';
const [command, ...rest] = process.argv.slice(2);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** pnpm as the user ran it, or the pinned version through npx. */
function pnpm(args) {
  const execpath = process.env.npm_execpath ?? '';
  if ((process.env.npm_config_user_agent ?? '').startsWith('pnpm/') && execpath) {
    return run(process.execPath, [execpath, ...args]);
  }
  return run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args]);
}

/** A hash of files (and of every file under folders), so a step reruns only when its inputs change. */
function hashOf(paths) {
  const hash = createHash('sha256');
  const visit = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort())
        if (name !== 'node_modules' && name !== 'dist') visit(path.join(p, name));
    } else hash.update(p).update(readFileSync(p));
  };
  for (const p of paths) visit(path.join(root, p));
  return hash.digest('hex');
}

function step(name, stampFile, inputs, work) {
  const stamp = path.join(root, stampFile);
  const want = hashOf(inputs);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  process.stdout.write(`> ${name}\n`);
  work();
  writeFileSync(stamp, want);
}

function install() {
  const manifests = [
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'package.json',
    'apps/api/package.json',
    'apps/web/package.json',
    'packages/shared/package.json',
  ];
  step('installing dependencies (pnpm)', 'node_modules/.lar-installed', manifests, () =>
    pnpm(['install', '--frozen-lockfile', '--prefer-offline']),
  );
  step('generating Prisma Client', 'apps/api/src/generated/.lar-generated', ['prisma/schema.prisma'], () =>
    run(process.execPath, [path.join(root, 'scripts/prisma-generate.mjs')]),
  );
}

/** A dependency's file, resolved from the workspace package that depends on it. */
const bin = (pkg, file, from = '.') =>
  path.join(
    path.dirname(createRequire(path.join(root, from, 'package.json')).resolve(`${pkg}/package.json`)),
    file,
  );

function buildWeb() {
  step(
    'building the app (vite)',
    'apps/web/dist/.lar-built',
    ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/shared/src'],
    () =>
      run(process.execPath, [bin('vite', 'bin/vite.js', 'apps/web'), 'build'], {
        cwd: path.join(root, 'apps/web'),
      }),
  );
}

/**
 * The API as one CommonJS file (esbuild), so `npm start` runs plain Node.js: no TypeScript compiler in
 * the server process (about 50 MB less memory and a faster start). Dependencies stay in node_modules;
 * only our own code (the API, @lar/shared, the demo seed) is bundled.
 */
function apiDependencies() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'apps/api/package.json'), 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
    (name) => !name.startsWith('@lar/'),
  );
}

function buildApi() {
  step(
    'building the API (esbuild)',
    'apps/api/dist/.lar-built',
    ['apps/api/src', 'apps/api/package.json', 'packages/shared/src', 'prisma/seed', 'prisma/schema.prisma'],
    () => {
      const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
      esbuild.buildSync({
        entryPoints: [path.join(root, 'apps/api/src/server.ts')],
        outfile: path.join(root, API_BUNDLE),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: true,
        logLevel: 'warning',
        // The API's dependencies are loaded from node_modules at run time; @lar/shared (TypeScript) is bundled.
        external: apiDependencies().flatMap((name) => [name, `${name}/*`]),
      });
    },
  );
}

/** Runs a long-lived child, passing on Ctrl-C and SIGTERM so it can shut down gracefully. */
function serve(cmd, args, env = {}, cwd = root) {
  const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

const tsx = () => bin('tsx', 'dist/cli.mjs');

switch (command) {
  case 'start':
    install();
    buildWeb();
    buildApi();
    {
      const server = apiServer(root);
      serve(process.execPath, server.args, server.env);
    }
    break;
  case 'lint':
    install();
    run(process.execPath, [bin('@biomejs/biome', 'bin/biome'), 'check', '.']);
    for (const project of ['packages/shared', 'apps/api', 'apps/web', 'e2e']) {
      run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', path.join(project, 'tsconfig.json')]);
    }
    break;
  case 'build':
    install();
    buildWeb();
    buildApi();
    break;
  case 'test': {
    install();
    const nodeOptions =
      `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim();
    run(process.execPath, [bin('jest', 'bin/jest.js'), ...rest], {
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
    });
    break;
  }
  case 'dev': {
    install();
    const apiPort = process.env.API_PORT ?? '3001';
    serve(process.execPath, [tsx(), 'watch', '--clear-screen=false', 'apps/api/src/server.ts'], {
      PORT: apiPort,
    });
    serve(
      process.execPath,
      [bin('vite', 'bin/vite.js', 'apps/web')],
      { API_PORT: apiPort },
      path.join(root, 'apps/web'),
    );
    break;
  }
  default:
    process.stderr.write('usage: node scripts/run.mjs start|test|dev|build|lint [args]\n');
    process.exit(2);
}
