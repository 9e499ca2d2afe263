// Helpers shared by the CT tests: run a library script for real, install fake tools on
// PATH, and serve canned HTTP answers on loopback.
import {
  existsSync, mkdirSync, mkdtempSync, symlinkSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const here = dirname(fileURLToPath(import.meta.url));
export const RESOURCES = resolve(here, '../../library/resources/mlops');

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs library/resources/mlops/<name>.sh with /bin/sh, only the given MLOPS_* inputs set. */
export async function runScript(name: string, env: Record<string, string>,
  opts: { cwd?: string; path?: string } = {}): Promise<ScriptResult> {
  const r = await execa('sh', [join(RESOURCES, `${name}.sh`)], {
    cwd: opts.cwd,
    env: { PATH: opts.path ?? process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...env },
    extendEnv: false,
    reject: false,
    timeout: 60_000,
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A PATH holding the agent's usual tools except `missing`, to test a bare agent. */
export function pathWithout(missing: string[]): string {
  const bin = join(tempDir('bare'), 'bin');
  mkdirSync(bin);
  const tools = ['sh', 'mktemp', 'rm', 'grep', 'sed', 'awk', 'cat', 'head', 'tail', 'tr', 'cut',
    'sort', 'date', 'find', 'sha256sum', 'curl', 'mkdir', 'python3', 'basename', 'printf'];
  for (const tool of tools.filter((t) => !missing.includes(t))) {
    const found = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
    if (found) symlinkSync(found, join(bin, tool));
  }
  return bin;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mlops-${prefix}-`));
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * An HTTP server on 127.0.0.1 at an ephemeral port. It answers with the current
 * `handler`, records request URLs, and closes itself after a minute if a test forgets.
 */
export async function loopbackServer(): Promise<{
  url: string;
  requests: string[];
  setHandler(h: Handler): void;
  close(): Promise<void>;
}> {
  let handler: Handler = (_req, res) => res.writeHead(404).end();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const close = () => new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });
  setTimeout(() => void close(), 60_000).unref();
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, setHandler: (h) => (handler = h), close };
}

/** A port on loopback where nothing listens (bound, then released). */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}
