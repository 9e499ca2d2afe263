import { planProject } from '../../generate.js';
import type { Logger } from '../log.js';
import { reportError } from '../report.js';

export interface LintOptions {
  config?: string;
  root?: string;
  format?: string;
  jenkinsUrl?: string;
  logger: Logger;
}

/** Drift between mlops.yaml and the committed files. */
export async function runLint(files: string[], opts: LintOptions): Promise<number> {
  const log = opts.logger;
  try {
    const { changes } = await planProject({ config: opts.config, root: opts.root });
    const drift = changes.filter((c) => c.action !== 'unchanged');
    for (const c of drift) log.error(`${c.path}: ${c.action === 'create' ? 'missing' : c.editedByHand ? 'edited by hand' : 'stale'} (run \`npx mlops-jenkins generate\`)`);
    return drift.length > 0 ? 1 : 0;
  } catch (err) {
    return reportError(err, log);
  }
}
