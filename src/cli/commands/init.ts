import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { packageRoot } from '../../paths.js';
import type { Logger } from '../log.js';

export interface InitOptions {
  config: string;
}

/** Writes the commented starter; never overwrites (the `wx` flag makes that atomic). */
export async function runInit(opts: InitOptions, log: Logger): Promise<number> {
  const folder = dirname(opts.config);
  if (!existsSync(folder)) {
    log.error(`cannot write ${opts.config}: the folder ${folder} does not exist`);
    process.stderr.write(`  hint: create it first (mkdir -p ${folder}), or pass a path in an existing folder\n`);
    return 2;
  }
  const starter = (await readFile(join(packageRoot(), 'templates', 'starter.mlops.yaml'), 'utf8'))
    .replace('$schema=./node_modules/', `$schema=${schemaBase(folder)}node_modules/`);
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

/**
 * The starter's `$schema` path is written for a file next to node_modules (the current
 * folder); a file elsewhere gets the same target relative to its own folder.
 */
function schemaBase(folder: string): string {
  const up = relative(folder, '.').split('\\').join('/');
  return up === '' ? './' : `${up}/`;
}
