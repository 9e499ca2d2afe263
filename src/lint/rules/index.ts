import { findPipeline, parseGroovy } from '../blocks.js';
import { sortFindings, type Finding } from '../finding.js';
import { postCondition, whenCondition } from './conditions.js';
import { cronRule, envVarName } from './environment.js';
import { paramInterpolation, secretInterpolation } from './security.js';
import {
  directivePlacement, emptyBlock, nestedParallel, pipelineTopLevel, requiredSection, stageBody,
  stageName, triggersTopLevel,
} from './structure.js';
import type { Rule } from './types.js';

export type { Rule, RuleContext } from './types.js';

/** The offline rules, in the order the README lists them. */
export const rules: readonly Rule[] = [
  pipelineTopLevel, requiredSection, stageBody, directivePlacement, triggersTopLevel,
  postCondition, whenCondition, stageName, emptyBlock, nestedParallel, cronRule(), envVarName,
  secretInterpolation, paramInterpolation,
];

/**
 * Runs the offline rules on one Jenkinsfile (or any Groovy a pipeline runs). Declarative rules
 * apply when the file has a top-level `pipeline { }`; the security and env rules always apply.
 */
export function lintJenkinsfile(file: string, text: string, only: readonly Rule[] = rules):
  Finding[] {
  const parsed = parseGroovy(text);
  const pipeline = findPipeline(parsed.statements);
  const ctx = { file, parsed, pipeline };
  return sortFindings(only.flatMap((r) => r.check(ctx)));
}
