import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/config';

/** tsx as a loader in the same process (its CLI would add a parent process that a kill misses). */
const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;

/** Starts `pnpm lar ARGS` as one process, as a user's shell would run it (without pnpm's start-up). */
export function startLar(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ['--import', loader, 'apps/api/src/cli/index.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
}

/** Runs `pnpm lar ARGS` to the end, returning exit code and output. */
export function lar(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = startLar(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
