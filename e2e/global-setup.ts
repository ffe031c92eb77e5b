import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { apiServer } from '../scripts/api-server.mjs';

const root = path.resolve(__dirname, '..');

/**
 * Starts the server as `npm start` does (the built app and API bundle, embedded database, demo seed) on a free port,
 * and passes its address to the tests in E2E_BASE_URL. Mail goes to an SMTP server in this process,
 * which writes each message's raw source to `${E2E_DATA_DIR}/received/<n>.eml` for the tests (which
 * run in other processes) to read. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lar-e2e-'));
  const smtp = await startSmtpServer(path.join(dataDir, 'received'));
  const lar = apiServer(root);
  const server = spawn(process.execPath, lar.args, {
    cwd: root,
    env: {
      ...lar.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await addressOf(server).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  process.env.E2E_BASE_URL = url;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await smtp.close();
  };
}

interface SmtpServerLike {
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  server: { address(): AddressInfo | string | null };
  on(event: 'error', listener: (error: Error) => void): void;
}

/**
 * `smtp-server` (installed for the API) on a free port: no TLS, no authentication, every message
 * accepted and saved as `<n>.eml` in arrival order.
 */
async function startSmtpServer(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const requireFromApi = createRequire(path.join(root, 'apps/api/package.json'));
  const { SMTPServer } = requireFromApi('smtp-server') as {
    SMTPServer: new (options: Record<string, unknown>) => SmtpServerLike;
  };
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, _session: unknown, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        count += 1;
        // Written aside, then renamed: a test never reads half a message.
        const partial = path.join(dir, `.${count}.eml.partial`);
        writeFileSync(partial, Buffer.concat(chunks));
        renameSync(partial, path.join(dir, `${count}.eml`));
        callback(null);
      });
    },
  });
  server.on('error', (error) => console.error('e2e SMTP server:', error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP server has no port');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

function addressOf(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LAR is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
