import { readFile } from 'node:fs/promises';
import { UserError } from '../diagnostics.js';
import { hasMarker } from '../render/marker.js';
import type { PlannedFile } from '../plan/types.js';
import { MANIFEST_PATH, renderManifest, sha256, type Manifest } from './manifest.js';
import { safeTarget } from './paths.js';

export type Action = 'create' | 'update' | 'delete' | 'unchanged';

export interface Change {
  path: string;
  action: Action;
  /** Absolute, checked to be inside the root. */
  target: string;
  before: string | null;
  after: string | null;
  /** The file on disk is not ours (no marker): touching it needs --force. */
  foreign: boolean;
  /** Ours, but changed since we wrote it. */
  editedByHand: boolean;
}

/** Compares what the config generates with the disk. Reads only. */
export async function computeChanges(root: string, planned: PlannedFile[], manifest: Manifest, source: string): Promise<Change[]> {
  const changes: Change[] = [];
  const wanted = new Map(planned.map((f) => [f.path, f.content]));
  wanted.set(MANIFEST_PATH, renderManifest(Object.fromEntries(planned.map((f) => [f.path, sha256(f.content)])), source));
  for (const [path, after] of wanted) {
    const target = await safeTarget(root, path);
    const before = await readText(target, path);
    const action: Action = before === null ? 'create' : before === after ? 'unchanged' : 'update';
    changes.push({
      path, action, target, before, after,
      foreign: action === 'update' && !hasMarker(before!) && path !== MANIFEST_PATH,
      editedByHand: action === 'update' && path in manifest.files && manifest.files[path] !== sha256(before!),
    });
  }
  for (const path of Object.keys(manifest.files).sort()) {
    if (wanted.has(path)) continue;
    const target = await safeTarget(root, path);
    const before = await readText(target, path);
    if (before === null) continue;
    changes.push({
      path, action: 'delete', target, before, after: null,
      foreign: !hasMarker(before),
      editedByHand: manifest.files[path] !== sha256(before),
    });
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function readText(target: string, path: string): Promise<string | null> {
  try {
    return await readFile(target, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR' || code === 'ENOTDIR') {
      throw new UserError(`cannot write ${path}: ${code === 'EISDIR' ? 'a folder is in the way' : 'a file stands where a folder is needed'}`, [], 'move it away, or change output.dir, output.ciJenkinsfile or library.path');
    }
    throw err;
  }
}
