import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../paths.js';
import type { Logger } from '../log.js';

export interface InitOptions {
  config: string;
}

/** Writes the commented starter; never overwrites (the `wx` flag makes that atomic). */
export async function runInit(opts: InitOptions, log: Logger): Promise<number> {
  const starter = await readFile(join(packageRoot(), 'templates', 'starter.mlops.yaml'), 'utf8');
  try {
    await writeFile(opts.config, starter, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      log.error(`${opts.config} already exists; not overwriting it`);
      process.stderr.write('  hint: edit it, or remove it first to start over\n');
      return 2;
    }
    log.error(`cannot write ${opts.config}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  log.info(`wrote ${opts.config}; next: edit it, then run \`npx mlops-jenkins generate\``);
  return 0;
}
