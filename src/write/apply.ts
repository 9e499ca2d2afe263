import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_PATH } from './manifest.js';
import type { Change } from './changes.js';

/**
 * Applies changes so that an interrupted run leaves every file either old or new:
 * each write goes to a temporary file in the same folder and is renamed over the
 * target; the manifest is written last.
 */
export async function applyChanges(changes: Change[]): Promise<void> {
  const ordered = [...changes.filter((c) => c.path !== MANIFEST_PATH), ...changes.filter((c) => c.path === MANIFEST_PATH)];
  for (const c of ordered) {
    if (c.action === 'create' || c.action === 'update') await atomicWrite(c.target, c.after!);
    else if (c.action === 'delete') await unlink(c.target).catch(() => undefined);
  }
}

export async function atomicWrite(target: string, content: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
