/** How much a finding matters: `error` fails the lint (exit 1), the others only inform. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem in one file, located 1-based so editors and SARIF viewers can jump to it. */
export interface Finding {
  file: string;
  line: number;
  col: number;
  /** Stable rule id, e.g. `groovy-syntax` or `stage-one-body`; documented in the README. */
  rule: string;
  severity: Severity;
  message: string;
  /** What to change so the finding goes away. */
  hint: string;
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts by file, then position, then severity, so output is stable across runs. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      order[a.severity] - order[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
