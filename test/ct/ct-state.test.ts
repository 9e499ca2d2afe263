import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, tempDir } from './support.js';

describe('ct-state.sh keeps the training ledger of one model', () => {
  const root = tempDir('state');
  const dir = join(root, 'ct/churn');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const state = (action: string, extra: Record<string, string> = {}) =>
    runScript('ct-state', { MLOPS_STATE_DIR: dir, MLOPS_CT_ACTION: action, ...extra });

  it('answers empty before any training', async () => {
    expect(await state('last-fingerprint')).toMatchObject({ code: 0, stdout: '' });
    expect(await state('last-start')).toMatchObject({ code: 0, stdout: '' });
  });

  it('remembers the latest start and the latest successful fingerprint apart', async () => {
    await state('record-start', { MLOPS_BUILD: '7', MLOPS_REASON: 'new-data', MLOPS_NOW: '100' });
    await state('record-trained', { MLOPS_BUILD: '7', MLOPS_FINGERPRINT: 'aaa', MLOPS_VERSION: '3',
      MLOPS_NOW: '160' });
    // A later run starts and fails: the start counts for the cooldown, the data does not.
    await state('record-start', { MLOPS_BUILD: '8', MLOPS_REASON: 'schedule', MLOPS_NOW: '200' });
    expect((await state('last-start')).stdout).toBe('200');
    expect((await state('last-fingerprint')).stdout).toBe('aaa');
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map(
      (l) => JSON.parse(l) as unknown)).toEqual([
      { event: 'started', time: 100, build: '7', reason: 'new-data' },
      { event: 'trained', time: 160, build: '7', fingerprint: 'aaa', version: '3' },
      { event: 'started', time: 200, build: '8', reason: 'schedule' },
    ]);
  });

  it.each([
    [{ MLOPS_CT_ACTION: 'record-start', MLOPS_BUILD: '1', MLOPS_REASON: 'x","y' }, 'MLOPS_REASON'],
    [{ MLOPS_CT_ACTION: 'record-trained', MLOPS_VERSION: 'a b' }, 'MLOPS_VERSION'],
    [{ MLOPS_CT_ACTION: 'forget' }, 'MLOPS_CT_ACTION must be'],
    [{ MLOPS_CT_ACTION: 'last-start', MLOPS_STATE_DIR: 'relative' }, 'absolute path'],
  ])('refuses %j with exit 2', async (env, message) => {
    const r = await runScript('ct-state', { MLOPS_STATE_DIR: dir, ...env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
