import { parseGroovy } from './blocks.js';
import { checkGroovySyntax, type SourceFile } from './groovy-syntax.js';
import { sortFindings, type Finding } from './finding.js';
import {
  JenkinsUnavailable, validateWithJenkins, type JenkinsOptions,
} from './jenkins-validate.js';
import type { LintReport, SkippedCheck } from './report.js';
import { lintJenkinsfile, rules } from './rules/index.js';

export interface LintOptions {
  env?: NodeJS.ProcessEnv;
  /** Also ask this Jenkins' declarative validator about the Jenkinsfiles. */
  jenkins?: JenkinsOptions;
  /** Findings computed elsewhere (drift, CodeNarc) to merge into the report. */
  extra?: Finding[];
  skipped?: SkippedCheck[];
}

export interface LintOutcome {
  report: LintReport;
  /** Set when --jenkins-url was given and Jenkins could not be asked. */
  jenkinsError?: JenkinsUnavailable;
}

/** Rule ids and summaries for reports: the offline rules plus the checks run elsewhere. */
export const allRules = [
  { id: 'groovy-syntax', summary: 'The file parses with Groovy 2.4 (the version Jenkins runs)' },
  { id: 'groovy-semantic', summary: 'No compile errors Jenkins would report (a variable declared '
    + 'twice in one scope)' },
  ...rules.map((r) => ({ id: r.id, summary: r.summary })),
  { id: 'drift', summary: 'Committed generated files equal what mlops.yaml generates' },
  { id: 'hand-edit', summary: 'A generated file was edited by hand' },
  { id: 'jenkins-validator', summary: "Jenkins' own declarative validator accepts the file" },
];

/** Generated files the lint reads: Jenkinsfiles and Groovy (not help texts or scripts). */
export const isGroovy = (path: string): boolean =>
  /(^|[/\\])Jenkinsfile$|\.Jenkinsfile$|\.groovy$/i.test(path);

/** Jenkins' validator only knows declarative pipelines: files with a top-level `pipeline`. */
const isDeclarative = (text: string): boolean => parseGroovy(text).statements
  .some((s) => s.name === 'pipeline' && s.block !== undefined && s.args.length === 0);

/**
 * Lints Jenkinsfiles and other pipeline Groovy (every file given is read as Groovy): the
 * offline rules per file, then one Groovy JVM for every file, then (optionally) the Jenkins
 * validator. A file with a Groovy syntax error reports only that error: structure guessed
 * around a missing brace is noise.
 */
export async function lintSources(files: SourceFile[], opts: LintOptions = {}):
  Promise<LintOutcome> {
  const groovy = files;
  const skipped: SkippedCheck[] = [...(opts.skipped ?? [])];
  const syntax = await checkGroovySyntax(groovy, { env: opts.env });
  if (!syntax.available) skipped.push({ check: 'groovy-syntax', reason: syntax.reason ?? '' });
  const broken = new Set(syntax.findings.filter((f) => f.rule === 'groovy-syntax')
    .map((f) => f.file));
  const findings: Finding[] = [...syntax.findings, ...(opts.extra ?? [])];
  for (const f of groovy) {
    if (!broken.has(f.path)) findings.push(...lintJenkinsfile(f.path, f.text));
  }

  const report: LintReport = { files: files.map((f) => f.path), findings: [], skipped,
    rules: allRules };
  let jenkinsError: JenkinsUnavailable | undefined;
  if (opts.jenkins) {
    try {
      const remote = await validateWithJenkins(groovy.filter((f) => isDeclarative(f.text)),
        opts.jenkins);
      report.remote = remote.verdicts;
      findings.push(...remote.findings);
    } catch (e) {
      if (!(e instanceof JenkinsUnavailable)) throw e;
      jenkinsError = e;
      skipped.push({ check: 'jenkins-validator', reason: `${e.message}; ${e.hint}` });
    }
  }
  for (const f of findings) if (!report.files.includes(f.file)) report.files.push(f.file);
  report.findings = sortFindings(findings);
  return { report, jenkinsError };
}
