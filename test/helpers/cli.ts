import { execa } from 'execa';
import { cpSync, lstatSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = join(repoRoot, 'bin', 'mlops-jenkins.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in `cwd`, never throwing on a non-zero exit. */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const r = await execa(process.execPath, [cliPath, ...args], {
    cwd, reject: false, env: { NO_COLOR: '1', ...env }, stdin: 'ignore',
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function tempDir(prefix = 'mlops-jenkins-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of examples/<name> in a temporary folder. */
export function copyExample(name: string): string {
  const dir = tempDir(`example-${name}-`);
  cpSync(join(repoRoot, 'examples', name), dir, { recursive: true });
  return dir;
}

/** Every file below dir, relative and sorted; a symlink is listed, never followed. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (lstatSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

export const exampleNames = (): string[] =>
  readdirSync(join(repoRoot, 'examples')).filter((n) => statSync(join(repoRoot, 'examples', n)).isDirectory()).sort();
