import { loadProject } from '../../generate.js';
import type { Logger } from '../log.js';
import { reportError } from '../report.js';

export interface ValidateOptions {
  config: string;
  explain?: boolean;
}

export async function runValidate(opts: ValidateOptions, log: Logger): Promise<number> {
  try {
    const project = await loadProject({ config: opts.config });
    const n = project.config.models.length;
    log.info(`${opts.config}: valid (${n} model${n === 1 ? '' : 's'})`);
    if (opts.explain) {
      const { explainSchedules } = await import('../explain.js');
      for (const line of explainSchedules(project.config)) process.stdout.write(`${line}\n`);
    }
    return 0;
  } catch (err) {
    return reportError(err, log);
  }
}
