import type { Config } from '../config/normalize.js';
import { cdView, type CdView } from './cd.js';

export interface RollbackView extends CdView {
  environmentNames: string[];
}

/** The manual rollback job: same targets and steps as CD, driven by parameters. */
export function rollbackView(config: Config): RollbackView {
  return { ...cdView(config), environmentNames: config.environments.map((e) => e.name) };
}
