import { counts, type LintReport } from '../report.js';

/** `file:line:col: severity [rule] message` then the hint, like compilers and eslint's unix. */
export function formatText(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.col}: ${f.severity} [${f.rule}] ${f.message}`);
    lines.push(`  hint: ${f.hint}`);
  }
  for (const d of report.diffs ?? []) lines.push(d.diff.trimEnd());
  for (const v of report.remote ?? []) {
    lines.push(`${v.file}: Jenkins validator: ${v.valid ? 'valid' : 'invalid'}`);
    if (!v.valid) lines.push(...v.output.trim().split('\n').map((l) => `  | ${l}`));
  }
  for (const s of report.skipped) lines.push(`skipped ${s.check}: ${s.reason}`);
  const c = counts(report.findings);
  const n = report.files.length;
  lines.push(`${c.error} error(s), ${c.warning} warning(s) in ${n} file${n === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
