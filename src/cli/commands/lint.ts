import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { planProject } from '../../generate.js';
import { runCodeNarc } from '../../lint/codenarc.js';
import { driftFindings } from '../../lint/drift.js';
import { hasErrors } from '../../lint/finding.js';
import { formatJson } from '../../lint/format/json.js';
import { formatJunit } from '../../lint/format/junit.js';
import { formatSarif } from '../../lint/format/sarif.js';
import { formatText } from '../../lint/format/text.js';
import type { SourceFile } from '../../lint/groovy-syntax.js';
import type { JenkinsOptions } from '../../lint/jenkins-validate.js';
import { isGroovy, lintSources } from '../../lint/lint.js';
import type { LintReport } from '../../lint/report.js';
import type { Logger } from '../log.js';
import { reportError } from '../report.js';

export interface LintCommandOptions {
  format?: string;
  jenkinsUrl?: string;
  config?: string;
  root?: string;
  /** Also run CodeNarc through npm-groovy-lint (must be on PATH). */
  codenarc?: boolean;
  logger?: Logger;
}

/** Where the command writes; tests pass their own. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIO = (): CommandIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
});

const formats = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof formats)[number];

class UsageError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/**
 * `mlops-jenkins lint [FILE...]`: exit 0 when clean, 1 on an error-level finding, 2 on bad
 * usage (unknown format, unreadable file, bad --jenkins-url or Jenkins credentials).
 */
export async function runLint(files: string[], opts: LintCommandOptions,
  io: CommandIO = defaultIO()): Promise<number> {
  try {
    const format = parseFormat(opts.format);
    const jenkins = jenkinsOptions(opts.jenkinsUrl, io.env);
    const input = files.length > 0 ? { sources: await readSources(files) }
      : await generatedSources(opts);
    const extra = [...(input.drift?.findings ?? [])];
    if (opts.codenarc) {
      const cn = await runCodeNarc(input.sources.map((f) => f.path), io.env);
      if (!cn.available) {
        throw new UsageError(`--codenarc: ${cn.reason}`, 'install it, or drop --codenarc');
      }
      extra.push(...cn.findings);
    }
    const { report, jenkinsError } = await lintSources(input.sources,
      { env: io.env, jenkins, extra });
    report.diffs = input.drift?.diffs;
    io.stdout(render(report, format));
    if (format !== 'text') {
      for (const s of report.skipped) io.stderr(`skipped ${s.check}: ${s.reason}\n`);
    }
    if (jenkinsError) {
      io.stderr(`error: ${jenkinsError.message}\nhint: ${jenkinsError.hint}\n`);
      return 2;
    }
    return hasErrors(report.findings) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof UsageError)) return reportError(e, opts.logger ?? silentLogger(io));
    io.stderr(`error: ${e.message}\nhint: ${e.hint}\n`);
    return 2;
  }
}

const silentLogger = (io: CommandIO): Logger => ({
  info: () => undefined,
  warn: (m) => io.stderr(`warning: ${m}\n`),
  error: (m) => io.stderr(`error: ${m}\n`),
  debug: () => undefined,
});

interface Input {
  sources: SourceFile[];
  drift?: ReturnType<typeof driftFindings>;
}

/**
 * Without files: what mlops.yaml generates. Drift compares the plan with the disk; the rules
 * then read the committed Groovy files, which is what Jenkins will run.
 */
async function generatedSources(opts: LintCommandOptions): Promise<Input> {
  const project = await planProject({ config: opts.config, root: opts.root });
  const show = (path: string) => relative(process.cwd(), join(project.root, path)) || path;
  const fix = `npx mlops-jenkins generate${opts.config ? ` -c ${opts.config}` : ''}`
    + (opts.root ? ` --root ${opts.root}` : '');
  const drift = driftFindings(project.changes, show, fix);
  const onDisk = project.changes.filter((c) => isGroovy(c.path) && c.before !== null);
  const sources = onDisk.map((c) => ({ path: show(c.path), text: c.before as string }));
  return { sources, drift };
}

function parseFormat(value: string | undefined): Format {
  const f = value ?? 'text';
  if (!(formats as readonly string[]).includes(f)) {
    throw new UsageError(`unknown --format "${f}"`, `use one of ${formats.join(', ')}`);
  }
  return f as Format;
}

function jenkinsOptions(url: string | undefined, env: NodeJS.ProcessEnv):
  JenkinsOptions | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--jenkins-url "${url}" is not a URL`,
      'e.g. --jenkins-url https://ci.example.com/');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`--jenkins-url must be http or https, got ${parsed.protocol}`,
      'e.g. --jenkins-url https://ci.example.com/');
  }
  if (parsed.username || parsed.password) {
    throw new UsageError('--jenkins-url must not carry credentials (they would show in logs)',
      'set JENKINS_USER and JENKINS_TOKEN in the environment instead');
  }
  const user = env.JENKINS_USER || undefined;
  const token = env.JENKINS_TOKEN || undefined;
  if ((user === undefined) !== (token === undefined)) {
    throw new UsageError(`${user ? 'JENKINS_TOKEN' : 'JENKINS_USER'} is not set`,
      'set both JENKINS_USER and JENKINS_TOKEN (an API token), or neither for an open Jenkins');
  }
  return { url: parsed.toString(), user, token };
}

async function readSources(paths: string[]): Promise<SourceFile[]> {
  return Promise.all(paths.map(async (path) => {
    try {
      return { path, text: await readFile(path, 'utf8') };
    } catch (e) {
      throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`,
        'pass existing Jenkinsfiles, or no file to check what mlops.yaml generates');
    }
  }));
}

function render(report: LintReport, format: Format): string {
  switch (format) {
    case 'json': return formatJson(report);
    case 'sarif': return formatSarif(report, toolVersion());
    case 'junit': return formatJunit(report);
    default: return formatText(report);
  }
}

function toolVersion(): string {
  const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
  return pkg.version;
}
