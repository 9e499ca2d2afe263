import { relative, resolve } from 'node:path';
import { UserError } from './diagnostics.js';
import { loadConfigFile } from './config/load.js';
import { normalize, type Config } from './config/normalize.js';
import type { MlopsYaml } from './config/types.js';
import { validateConfig } from './config/validate.js';
import { planFiles } from './plan/index.js';
import type { PlannedFile } from './plan/types.js';
import { computeChanges, type Change } from './write/changes.js';
import { readManifest } from './write/manifest.js';
import { checkCollisions } from './write/collisions.js';

export interface ProjectOptions {
  /** Project root; generated paths are relative to it. Default: the config's folder. */
  root?: string;
  /** Path of mlops.yaml. Default: <root>/mlops.yaml. */
  config?: string;
}

export interface Project {
  root: string;
  configPath: string;
  config: Config;
}

/** Loads, validates and normalizes; throws UserError with every problem found. */
export async function loadProject(opts: ProjectOptions): Promise<Project> {
  const configPath = resolve(opts.config ?? resolve(opts.root ?? '.', 'mlops.yaml'));
  const root = resolve(opts.root ?? (opts.config ? resolve(configPath, '..') : '.'));
  const shown = relative(process.cwd(), configPath) || configPath;
  const loaded = await loadConfigFile(shown);
  const problems = await validateConfig(loaded);
  if (problems.length > 0) throw new UserError('config rejected', problems);
  const source = relative(root, configPath).split('\\').join('/');
  if (source.startsWith('..')) {
    throw new UserError(`${shown} is outside the project root ${root}`, [], 'run from the repository root or pass --root');
  }
  return { root, configPath, config: normalize(loaded.data as MlopsYaml, source) };
}

/** What the config generates and how it differs from the disk. Writes nothing. */
export async function planProject(opts: ProjectOptions): Promise<Project & { planned: PlannedFile[]; changes: Change[] }> {
  const project = await loadProject(opts);
  const planned = await planFiles(project.config);
  checkCollisions(planned, project.config.source);
  const manifest = await readManifest(project.root);
  const changes = await computeChanges(project.root, planned, manifest, project.config.source);
  return { ...project, planned, changes };
}
