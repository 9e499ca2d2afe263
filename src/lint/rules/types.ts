import type { Statement, ParsedFile } from '../blocks.js';
import type { Finding, Severity } from '../finding.js';
import type { Token } from '../tokenize.js';

/** What every rule sees: one parsed file, and its declarative `pipeline` block if any. */
export interface RuleContext {
  file: string;
  parsed: ParsedFile;
  /** The top-level `pipeline { }` statement; rules about declarative structure need it. */
  pipeline?: Statement;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the README table and `--format sarif` rule metadata. */
  summary: string;
  check(ctx: RuleContext): Finding[];
}

/** Builds a finding of `rule` at `at` (a token or a statement's first token). */
export function report(
  ctx: RuleContext,
  rule: Pick<Rule, 'id' | 'severity'>,
  at: Pick<Token, 'line' | 'col'> | Statement,
  message: string,
  hint: string,
): Finding {
  const tok = 'first' in at ? at.first : at;
  return { file: ctx.file, line: tok.line, col: tok.col, rule: rule.id, severity: rule.severity,
    message, hint };
}
