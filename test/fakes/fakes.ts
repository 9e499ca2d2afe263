// Test side of the fake binaries: a fresh log and rules file per test, the env that puts the
// fakes first on PATH, and the recorded calls read back as argv arrays.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKES_BIN = resolve(fileURLToPath(new URL('./bin', import.meta.url)));

export interface Fakes {
  /** Environment for the process under test: PATH with the fakes first, log and rules. */
  env: Record<string, string>;
  /** Answer calls matching the glob (on "tool arg1 arg2...") with exit code and output. */
  rule(pattern: string, exit: number, output?: string, times?: number): Fakes;
  /** Every recorded call so far, oldest first, as [tool, ...args]. */
  calls(): string[][];
  /** The calls as command lines joined with spaces, for readable exact assertions. */
  lines(): string[];
}

/** `tools` limits the fakes to those names, so the real curl, say, stays reachable. */
export function makeFakes(options: { tools?: string[] } = {}): Fakes {
  const dir = mkdtempSync(join(tmpdir(), 'fakes-'));
  const log = join(dir, 'calls.log');
  const rules = join(dir, 'rules.tsv');
  let bin = FAKES_BIN;
  if (options.tools) {
    bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const tool of options.tools) {
      const wrapper = `#!/bin/sh\nexec '${join(FAKES_BIN, '..', 'fake.sh')}' ${tool} "$@"\n`;
      writeFileSync(join(bin, tool), wrapper, { mode: 0o755 });
    }
  }
  const fakes: Fakes = {
    env: {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      FAKES_LOG: log,
      FAKES_RULES: rules,
    },
    rule(pattern, exit, output = '', times) {
      const text = output.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
      appendFileSync(rules, `${[pattern, String(exit), text, times ?? ''].join('\t')}\n`);
      return fakes;
    },
    calls() {
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t').map(unescape));
    },
    lines() {
      return fakes.calls().map((c) => c.join(' '));
    },
  };
  return fakes;
}

function unescape(field: string): string {
  return field.replace(/\\(\\|t|n)/g, (_m, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'));
}
