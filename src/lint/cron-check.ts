/**
 * The cron check the lint uses, behind one function so the implementation can be swapped for
 * the project's full Jenkins cron parser without touching the rule.
 */
import { checkCron } from '../cron/index.js';

export interface CronProblem {
  /** 1-based line within the spec (a trigger spec may hold several lines). */
  line: number;
  message: string;
  hint: string;
}

export type CronValidator = (spec: string) => CronProblem[];

/**
 * Jenkins' cron dialect, checked by the project's Jenkins cron parser (src/cron): five fields
 * of `*`, `H`, `H(a-b)`, numbers, ranges, `/step` and comma lists, or an alias (`@daily`...);
 * blank lines, `#` comments and a first `TZ=` line allowed.
 */
export const validateCron: CronValidator = (spec) => {
  const result = checkCron(spec);
  if (result.ok) return [];
  return result.errors.map((e) => ({
    line: spec.slice(0, e.offset).split('\n').length,
    message: e.message,
    hint: e.hint,
  }));
};
