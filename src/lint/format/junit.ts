import type { LintReport } from '../report.js';

const xml = (s: string): string => s
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // XML 1.0 cannot carry most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');

/**
 * JUnit XML for Jenkins' `junit` step and CI test tabs: one suite per file, one failing test
 * case per error or warning, one passing case for a clean file. Info findings are left out.
 */
export function formatJunit(report: LintReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const shown = report.findings.filter((f) => f.severity !== 'info');
  const tests = report.files.reduce((n, file) =>
    n + Math.max(1, shown.filter((f) => f.file === file).length), 0);
  out.push(`<testsuites name="mlops-jenkins lint" tests="${tests}" failures="${shown.length}">`);
  for (const file of report.files) {
    const mine = shown.filter((f) => f.file === file);
    out.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, mine.length)}" `
      + `failures="${mine.length}">`);
    if (mine.length === 0) out.push(`    <testcase classname="${xml(file)}" name="lint"/>`);
    for (const f of mine) {
      const name = xml(`${f.rule} at ${f.line}:${f.col}`);
      out.push(`    <testcase classname="${xml(file)}" name="${name}">`,
        `      <failure type="${xml(f.rule)}" message="${xml(f.message)}">`
        + `${xml(`${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}\nhint: ${f.hint}`)}`
        + '</failure>',
        '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
