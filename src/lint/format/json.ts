import { counts, type LintReport } from '../report.js';

/** The report as one JSON document; the field names are the stable interface. */
export function formatJson(report: LintReport): string {
  const { files, findings, skipped, remote, diffs } = report;
  return `${JSON.stringify({ files, findings, skipped, remote, diffs, summary: counts(findings) },
    null, 2)}\n`;
}
