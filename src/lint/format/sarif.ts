import type { Severity } from '../finding.js';
import type { LintReport } from '../report.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error', warning: 'warning', info: 'note',
};

/**
 * SARIF 2.1.0, the format of GitHub code scanning and of the Jenkins Warnings plugin
 * (`recordIssues tool: sarif(pattern: 'lint.sarif')`). The hint goes into the message so
 * every viewer shows it.
 */
export function formatSarif(report: LintReport, version: string): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.rule))];
  const known = new Map(report.rules.map((r) => [r.id, r.summary]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'mlops-jenkins',
          version,
          informationUri: 'https://www.npmjs.com/package/mlops-jenkins',
          rules: ruleIds.map((id) => ({
            id,
            shortDescription: { text: known.get(id) ?? id },
          })),
        },
      },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.skipped.map((s) => ({
          level: 'warning',
          message: { text: `skipped ${s.check}: ${s.reason}` },
        })),
      }],
      results: report.findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: ruleIds.indexOf(f.rule),
        level: level[f.severity],
        message: { text: `${f.message}\nhint: ${f.hint}` },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.file.replace(/\\/g, '/') },
            region: { startLine: f.line, startColumn: f.col },
          },
        }],
      })),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
