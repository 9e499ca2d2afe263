import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Config } from '../config/normalize.js';
import { groovyString } from '../render/groovy.js';
import { packageRoot } from '../paths.js';
import { loadRenderedSteps } from '../library/rendered.js';
import type { PlannedFile } from './types.js';

/**
 * How every Jenkinsfile loads the shared library. From the repository, the library
 * is read at the very commit being built (`legacySCM(scm)` with `libraryPath`), so
 * pipeline and library can never disagree; a global library is pinned to a version.
 */
export function libraryLoad(config: Config): string {
  const lib = config.library;
  if (lib.source === 'global') {
    return `@Library(${groovyString(`${lib.name}@${lib.version ?? ''}`)}) _`;
  }
  const path = lib.path.endsWith('/') ? lib.path : `${lib.path}/`;
  return `library(identifier: ${groovyString(`${lib.name}@${lib.version ?? 'built-revision'}`)}, ` +
    `retriever: legacySCM(libraryPath: ${groovyString(path)}, scm: scm))`;
}

/** The library's static files, copied under `library.path` (nothing for a global library). */
export function planLibrary(config: Config): PlannedFile[] {
  if (config.library.source === 'global') return [];
  const root = join(packageRoot(), 'library');
  const files: PlannedFile[] = [];
  for (const dir of ['vars', 'src', 'resources']) {
    for (const file of listFiles(join(root, dir))) {
      const rel = relative(root, file).split('\\').join('/');
      files.push({ path: `${config.library.path}/${rel}`, content: readFileSync(file, 'utf8') });
    }
  }
  // Help and run-time defaults come from the same metadata, so they cannot drift.
  for (const step of loadRenderedSteps(join(root, 'steps'))) {
    files.push({ path: `${config.library.path}/vars/${step.name}.txt`, content: step.help });
    files.push({ path: `${config.library.path}/resources/mlops/steps/${step.name}.json`, content: step.defaults });
  }
  return files;
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}
