import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from './finding.js';

export interface SourceFile {
  path: string;
  text: string;
}

export interface GroovySyntaxResult {
  /** False when no Groovy runtime was found; `reason` then says why and how to fix it. */
  available: boolean;
  reason?: string;
  /** The Groovy version that parsed the files, e.g. `2.4.21`. */
  version?: string;
  findings: Finding[];
}

export interface GroovySyntaxOptions {
  /** Environment used to find `groovy`/`java` (PATH, GROOVY_HOME); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The checker program; the same relative path works from `src/lint` and `dist/lint`. */
const checkerScript = (): string =>
  fileURLToPath(new URL('../../resources/lint/GroovySyntax.groovy', import.meta.url));

const installHint = 'install Java and Groovy 2.4 (Debian: apt-get install groovy), the version '
  + 'Jenkins runs, or set GROOVY_HOME';

/**
 * Parses every file with a real Groovy compiler in one JVM: syntax errors (the parser) and the
 * scope errors Jenkins also reports (a variable declared twice). Classes that only Jenkins can
 * resolve (`@Library`, shared-library imports) are not reported.
 */
export async function checkGroovySyntax(
  files: SourceFile[],
  opts: GroovySyntaxOptions = {},
): Promise<GroovySyntaxResult> {
  const env = opts.env ?? process.env;
  const runner = findRunner(env);
  if (!runner) {
    return { available: false, reason: `no groovy or java on PATH; ${installHint}`, findings: [] };
  }
  if (files.length === 0) return { available: true, findings: [] };
  const input = files.map((f) => `${className(f.path)} ${f.text.length}\n${f.text}`).join('');
  const run = await runProcess(runner.command, [...runner.args, checkerScript()], input, env);
  const lines = run.stdout.split('\n');
  const version = /^version (\S+)$/.exec(lines[0] ?? '')?.[1];
  if (run.code !== 0 || version === undefined) {
    const detail = (run.error ?? run.stderr.trim().split('\n').slice(0, 3).join(' '))
      || 'no output';
    return {
      available: false,
      reason: `${runner.command} could not run the syntax check (${detail}); ${installHint}`,
      findings: [],
    };
  }
  const findings = lines.slice(1).filter((l) => l.startsWith('{')).map((l) => toFinding(l, files));
  return { available: true, version, findings };
}

interface Raw {
  index: number;
  line: number;
  col: number;
  kind: 'syntax' | 'semantic';
  message: string;
}

function toFinding(line: string, files: SourceFile[]): Finding {
  const raw = JSON.parse(line) as Raw;
  const file = files[raw.index]?.path ?? '<unknown>';
  // The parser names the end of input as an empty token; say it in words.
  const message = raw.message
    .replace(/found ''$/, 'found the end of the file')
    .replace(/unexpected token:\s*$/, 'unexpected end of the file');
  if (raw.kind === 'semantic') {
    return {
      file, line: raw.line, col: raw.col, rule: 'groovy-semantic', severity: 'error', message,
      hint: 'Jenkins compiles the file with the same checks; rename or remove the offending name',
    };
  }
  return {
    file, line: raw.line, col: raw.col, rule: 'groovy-syntax', severity: 'error', message,
    hint: 'fix the Groovy syntax here (an unbalanced brace, bracket or quote is the usual cause; '
      + 'the real mistake can be earlier than the position reported)',
  };
}

/** Jenkins compiles a Jenkinsfile as `WorkflowScript` and a `vars/x.groovy` step as `x`. */
function className(path: string): string {
  const base = posix.basename(path.replace(/\\/g, '/'));
  if (!base.endsWith('.groovy')) return 'WorkflowScript';
  const name = base.slice(0, -'.groovy'.length).replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(name) ? name : `_${name}`;
}

interface Runner {
  command: string;
  args: string[];
}

/** Prefers the `groovy` launcher; falls back to `java` with a Groovy jar from a known place. */
function findRunner(env: NodeJS.ProcessEnv): Runner | undefined {
  const groovy = which('groovy', env);
  if (groovy) return { command: groovy, args: [] };
  const java = which('java', env);
  if (!java) return undefined;
  const dirs = [env.GROOVY_HOME ? join(env.GROOVY_HOME, 'lib') : '', '/usr/share/groovy/lib'];
  for (const dir of dirs.filter((d) => d && existsSync(d))) {
    const jar = readdirSync(dir).find((f) => /^groovy(-all)?-\d[\w.-]*\.jar$/.test(f));
    if (jar) return { command: java, args: ['-cp', join(dir, jar), 'groovy.ui.GroovyMain'] };
  }
  return undefined;
}

function which(bin: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, bin))) return join(dir, bin);
  }
  return undefined;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

function runProcess(cmd: string, args: string[], input: string, env: NodeJS.ProcessEnv) {
  return new Promise<RunResult>((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => resolve({ code: null, stdout, stderr, error: e.message }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A checker that dies early closes stdin; the exit code reports that, not this error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input, 'utf8');
  });
}
