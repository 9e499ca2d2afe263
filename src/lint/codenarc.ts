import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, Severity } from './finding.js';

export interface CodeNarcResult {
  available: boolean;
  reason?: string;
  findings: Finding[];
}

/** The shipped ruleset folder (npm-groovy-lint takes a folder holding .groovylintrc.json). */
export const codenarcConfigDir = (): string =>
  fileURLToPath(new URL('../../resources/lint/codenarc', import.meta.url));

const severities: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info' };

interface NglOutput {
  files?: Record<string, { errors?: { line?: number; rule?: string; severity?: string;
    msg?: string }[] }>;
}

/**
 * CodeNarc style findings through npm-groovy-lint, when it is on PATH (it is not a
 * dependency). Runs once for all files, without its background CodeNarc server so nothing is
 * left running, and with the Jenkinsfile ruleset shipped in resources/lint/codenarc.
 */
export async function runCodeNarc(paths: string[], env: NodeJS.ProcessEnv = process.env):
  Promise<CodeNarcResult> {
  const bin = (env.PATH ?? '').split(delimiter).map((d) => join(d, 'npm-groovy-lint'))
    .find((p) => existsSync(p));
  if (!bin) {
    return { available: false, findings: [], reason: 'npm-groovy-lint is not on PATH; '
      + 'install it with `npm install -g npm-groovy-lint` (it needs Java 17)' };
  }
  if (paths.length === 0) return { available: true, findings: [] };
  const args = ['--noserver', '--config', codenarcConfigDir(), '--output', 'json',
    '--failon', 'none', '--loglevel', 'info', ...paths];
  const out = await new Promise<{ stdout: string; error?: string }>((done) => {
    execFile(bin, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      done({ stdout, error: err ? `${err.message} ${stderr}`.trim() : undefined }));
  });
  let parsed: NglOutput;
  try {
    parsed = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as NglOutput;
  } catch {
    return { available: false, findings: [], reason: `npm-groovy-lint gave no JSON report (${
      out.error ?? out.stdout.slice(0, 200)})` };
  }
  const byAbsolute = new Map(paths.map((p) => [resolve(p), p]));
  const findings: Finding[] = [];
  for (const [file, { errors = [] }] of Object.entries(parsed.files ?? {})) {
    for (const e of errors) {
      findings.push({ file: byAbsolute.get(resolve(file)) ?? file, line: Math.max(1, e.line ?? 1),
        col: 1, rule: `codenarc/${e.rule ?? 'unknown'}`,
        severity: severities[e.severity ?? ''] ?? 'info', message: e.msg ?? '',
        hint: `CodeNarc rule ${e.rule}: fix the code, or tune the rule in your own `
          + '.groovylintrc.json' });
    }
  }
  return { available: true, findings };
}
