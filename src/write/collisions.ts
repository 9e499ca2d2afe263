import { UserError } from '../diagnostics.js';
import type { PlannedFile } from '../plan/types.js';
import { MANIFEST_PATH } from './manifest.js';

/**
 * Output settings can make two outputs land on one path (`output.ciJenkinsfile:
 * jenkins/jobs.groovy`), a file where a folder must be, or a generated file over
 * mlops.yaml itself. Each would silently lose one of them, so the run stops first.
 */
export function checkCollisions(planned: PlannedFile[], configSource: string): void {
  const owners = new Map<string, string>([
    [MANIFEST_PATH, 'the manifest of generated files'],
    [configSource, 'the config file itself'],
  ]);
  const problems: string[] = [];
  for (const f of planned) {
    const other = owners.get(f.path);
    if (other) problems.push(`${f.path} would be generated twice, or over ${other}`);
    else owners.set(f.path, 'another generated file');
  }
  const paths = [...owners.keys()];
  const dirs = new Set(paths.flatMap((p) => p.split('/').slice(0, -1).map((_, i, segs) => segs.slice(0, i + 1).join('/'))));
  for (const p of paths) if (dirs.has(p)) problems.push(`${p} would be both a file and a folder of generated files`);
  if (problems.length > 0) {
    throw new UserError(`output paths collide: ${problems.join('; ')}`, [], 'change output.dir, output.ciJenkinsfile or library.path so every generated file has its own place');
  }
}
