import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_PATH } from './manifest.js';
import type { Change } from './changes.js';

/**
 * Test-only: `MLOPS_JENKINS_TEST_HANG_AT=<n>` stops the run at the n-th write step (each
 * file has two: temporary file written, then renamed over the target) so a test can kill
 * the process there. Read once per run, never in the write loop.
 */
const HANG_ENV = 'MLOPS_JENKINS_TEST_HANG_AT';

/**
 * Applies changes so that an interrupted run leaves every file either old or new:
 * each write goes to a temporary file in the same folder and is renamed over the
 * target; the manifest is written last, so it never lists content not yet on disk.
 */
export async function applyChanges(changes: Change[]): Promise<void> {
  const ordered = [...changes.filter((c) => c.path !== MANIFEST_PATH), ...changes.filter((c) => c.path === MANIFEST_PATH)];
  const step = stepper(process.env[HANG_ENV]);
  await removeLeftovers(ordered);
  for (const c of ordered) {
    if (c.action === 'create' || c.action === 'update') await atomicWrite(c.target, c.after!, step);
    else if (c.action === 'delete') {
      await step();
      await unlink(c.target).catch(() => undefined);
    }
  }
}

type Step = () => Promise<void>;

export async function atomicWrite(target: string, content: string, step: Step = async () => {}): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await step();
    await rename(tmp, target);
    await step();
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Temporary files a killed run left next to our targets: ours by name, so safe to remove. */
async function removeLeftovers(changes: Change[]): Promise<void> {
  const byDir = new Map<string, Set<string>>();
  for (const c of changes) {
    const names = byDir.get(dirname(c.target)) ?? new Set<string>();
    names.add(basename(c.target));
    byDir.set(dirname(c.target), names);
  }
  for (const [dir, names] of byDir) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const m = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry);
      if (m && names.has(m[1]!) && !alive(Number(m[2]))) await rm(join(dir, entry), { force: true });
    }
  }
}

/** A run still writing (another generate in the same folder) keeps its temporary files. */
function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stepper(hangAt: string | undefined): Step {
  if (hangAt === undefined || !/^\d+$/.test(hangAt)) return async () => {};
  let n = 0;
  return async () => {
    if (n++ !== Number(hangAt)) return;
    process.stderr.write(`test hang at write step ${hangAt}\n`);
    // Wait to be killed; the interval keeps the event loop alive.
    await new Promise(() => setInterval(() => undefined, 60_000));
  };
}
