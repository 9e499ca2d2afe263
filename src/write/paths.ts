import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../diagnostics.js';

/**
 * Resolves a generated path inside the project root, refusing anything that could
 * land outside it: absolute paths, `..`, and symlinked folders that lead elsewhere.
 */
export async function safeTarget(root: string, rel: string): Promise<string> {
  if (isAbsolute(rel) || rel.split('/').includes('..') || rel.includes('\\') || rel.includes('\u0000')) {
    throw new UserError(`refusing to write ${JSON.stringify(rel)}: generated paths stay inside the project root`);
  }
  const realRoot = await realpath(root);
  const target = resolve(realRoot, rel);
  if (!inside(realRoot, target)) throw new UserError(`refusing to write ${rel}: outside the project root`);
  // Walk up to the deepest existing folder and check where it really is.
  let probe = dirname(target);
  while (!(await exists(probe))) probe = dirname(probe);
  const realProbe = await realpath(probe);
  if (!inside(realRoot, realProbe)) {
    throw new UserError(`refusing to write ${rel}: ${relative(realRoot, probe)} is a link that leads outside the project root`, [], 'replace the symlink with a folder, or choose another output path');
  }
  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink()) {
    throw new UserError(`refusing to write ${rel}: it is a symlink`, [], 'remove the link; generated files are plain files');
  }
  return join(realProbe, relative(probe, target));
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + sep);
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(() => true, () => false);
}
