// Jenkins cron specs: validation with located errors, and plain-words descriptions.
import { parseCron } from './parse.js';
import type { CronProblem } from './types.js';

export { describeCron, describeLines } from './describe.js';
export { jenkinsHash, zeroHash, type HashSource } from './hash.js';
export { parseCron } from './parse.js';
export type { CronLine, CronProblem, CronSpec } from './types.js';

export type CronCheck = { ok: true } | { ok: false; errors: CronProblem[] };

/**
 * Checks `text` exactly as Jenkins' CronTabList would accept it. Offsets in the errors
 * are positions in `text`, for the caller to turn into a line and column of mlops.yaml.
 */
export function checkCron(text: string): CronCheck {
  const { errors } = parseCron(text);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
