import type { Finding } from './finding.js';

/** A check that could not run (no Java, no npm-groovy-lint...), said once, never silently. */
export interface SkippedCheck {
  check: string;
  reason: string;
}

/** Jenkins' own declarative validator's answer for one file. */
export interface RemoteVerdict {
  file: string;
  valid: boolean;
  /** Jenkins' text, verbatim, for the reader. */
  output: string;
}

/** Everything one lint run found; the formatters only turn this into text. */
export interface LintReport {
  files: string[];
  findings: Finding[];
  skipped: SkippedCheck[];
  /** Unified diffs of drifted generated files. */
  diffs?: { file: string; diff: string }[];
  /** Set when `--jenkins-url` was given. */
  remote?: RemoteVerdict[];
  /** Short descriptions of the rules that can appear, for SARIF and the README. */
  rules: { id: string; summary: string }[];
}

export function counts(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
