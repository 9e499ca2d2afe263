import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Fakes, makeFakes } from '../fakes/fakes.js';
import { loopbackServer, runScript, tempDir } from './support.js';

async function fingerprint(env: Record<string, string>, opts = {}): Promise<string> {
  const r = await runScript('fingerprint', env, opts);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^[0-9a-f]{64}$/);
  return r.stdout.trim();
}

describe('fingerprint.sh on a local folder, for real', () => {
  let root: string;
  const source = { MLOPS_SOURCE_TYPE: 'path', MLOPS_SOURCE: 'data' };
  const fp = () => fingerprint(source, { cwd: root });

  beforeEach(() => {
    root = tempDir('fp');
    mkdirSync(join(root, 'data/2024'), { recursive: true });
    writeFileSync(join(root, 'data/a.csv'), 'id,y\n1,0\n');
    writeFileSync(join(root, 'data/2024/b.csv'), 'id,y\n2,1\n');
  });

  it('is stable while nothing changes', async () => {
    expect(await fp()).toBe(await fp());
  });

  it('changes when a new file arrives, even deep in the tree', async () => {
    const before = await fp();
    writeFileSync(join(root, 'data/2024/c.csv'), 'id,y\n3,1\n');
    expect(await fp()).not.toBe(before);
  });

  it('does not change when a file is touched without changing its content', async () => {
    const before = await fp();
    const later = new Date(Date.UTC(2030, 0, 1));
    utimesSync(join(root, 'data/a.csv'), later, later);
    writeFileSync(join(root, 'data/2024/b.csv'), 'id,y\n2,1\n');
    expect(await fp()).toBe(before);
  });

  it('changes when a file is removed', async () => {
    const before = await fp();
    rmSync(join(root, 'data/2024/b.csv'));
    expect(await fp()).not.toBe(before);
  });

  it('changes when content changes at the same size', async () => {
    const before = await fp();
    writeFileSync(join(root, 'data/a.csv'), 'id,y\n1,1\n');
    expect(await fp()).not.toBe(before);
  });

  it('follows a glob and ignores files outside it', async () => {
    writeFileSync(join(root, 'data/notes.txt'), 'v1');
    const glob = { MLOPS_SOURCE_TYPE: 'path', MLOPS_SOURCE: 'data/*.csv' };
    const before = await fingerprint(glob, { cwd: root });
    writeFileSync(join(root, 'data/notes.txt'), 'v2');
    expect(await fingerprint(glob, { cwd: root })).toBe(before);
    writeFileSync(join(root, 'data/z.csv'), 'id,y\n9,9\n');
    expect(await fingerprint(glob, { cwd: root })).not.toBe(before);
  });

  it('fails with exit 3, not a fingerprint, when nothing matches', async () => {
    const r = await runScript('fingerprint', { ...source, MLOPS_SOURCE: 'missing/*.csv' },
      { cwd: root });
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toContain("nothing matches 'missing/*.csv'");
  });

  it('fails with exit 3 on an empty folder', async () => {
    mkdirSync(join(root, 'empty'));
    const r = await runScript('fingerprint', { ...source, MLOPS_SOURCE: 'empty' }, { cwd: root });
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toContain('holds no files');
  });

  it('refuses an unknown source type with exit 2', async () => {
    const r = await runScript('fingerprint', { MLOPS_SOURCE_TYPE: 'ftp', MLOPS_SOURCE: 'x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be path, s3, gcs, http or dvc');
  });
});

describe('fingerprint.sh on cloud sources, with fake tools', () => {
  let fakes: Fakes;
  beforeEach(() => {
    fakes = makeFakes();
  });
  const run = (env: Record<string, string>, cwd?: string) => {
    const { PATH, ...rest } = fakes.env;
    return runScript('fingerprint', { ...rest, ...env }, { path: PATH, cwd });
  };

  it('lists an S3 prefix by ETag with the exact aws command', async () => {
    const env = { MLOPS_SOURCE_TYPE: 's3', MLOPS_SOURCE: 's3://ml-data/churn/2024/' };
    fakes.rule('aws s3api *', 0, 'churn/2024/a.csv "9b2cf535f27731c974343645a3985328" 120', 1);
    fakes.rule('aws s3api *', 0, 'churn/2024/a.csv "00000000000000000000000000000000" 120');
    const one = await run(env);
    expect(one.code).toBe(0);
    expect(fakes.calls()).toEqual([[
      'aws', 's3api', 'list-objects-v2', '--bucket', 'ml-data', '--prefix', 'churn/2024/',
      '--query', 'Contents[].[Key,ETag,Size]', '--output', 'text', '--cli-read-timeout', '60',
    ]]);
    expect((await run(env)).stdout).not.toBe(one.stdout);
  });

  it('treats an empty S3 prefix as an error, not as "no new data"', async () => {
    fakes.rule('aws *', 0, 'None');
    const r = await run({ MLOPS_SOURCE_TYPE: 's3', MLOPS_SOURCE: 's3://ml-data/none' });
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toContain('no objects under s3://ml-data/none');
  });

  it('reports a failing aws call with exit 4', async () => {
    fakes.rule('aws *', 255, 'An error occurred (AccessDenied)');
    const r = await run({ MLOPS_SOURCE_TYPE: 's3', MLOPS_SOURCE: 's3://ml-data/x' });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('AccessDenied');
  });

  it('lists a GCS prefix with gcloud storage when gcloud is installed', async () => {
    fakes.rule('gcloud *', 0, 'churn/a.csv 1700000000000000 AAAAAA==');
    const r = await run({ MLOPS_SOURCE_TYPE: 'gcs', MLOPS_SOURCE: 'gs://ml-data/churn/' });
    expect(r.code).toBe(0);
    expect(fakes.lines()).toEqual([
      'gcloud storage objects list gs://ml-data/churn/** ' +
        '--format=value(name,generation,crc32c_hash)',
    ]);
  });

  it('reads CRC32C and generation from gsutil ls -L', async () => {
    const listing = (crc: string) => [
      'gs://ml-data/churn/a.csv:',
      '    Creation time:          Mon, 01 Jan 2024 00:00:00 GMT',
      `    Hash (crc32c):          ${crc}`,
      '    Hash (md5):             CY9rzUYh03PK3k6DJie09g==',
      '    Generation:             1704067200000000',
      'TOTAL: 1 objects, 120 bytes (120 B)',
    ].join('\n');
    const env = { MLOPS_SOURCE_TYPE: 'gcs', MLOPS_SOURCE: 'gs://ml-data/churn/',
      MLOPS_GCS_TOOL: 'gsutil' };
    fakes.rule('gsutil *', 0, listing('AAAAAA=='), 1);
    fakes.rule('gsutil *', 0, listing('BBBBBB=='));
    const one = await run(env);
    expect(one.code).toBe(0);
    expect(fakes.calls()).toEqual([['gsutil', 'ls', '-L', 'gs://ml-data/churn/**']]);
    expect((await run(env)).stdout).not.toBe(one.stdout);
  });

  it('fingerprints a DVC dataset by the md5 in its .dvc file, after dvc update', async () => {
    const repo = tempDir('dvc');
    const dvcFile = (md5: string) =>
      `outs:\n- md5: ${md5}.dir\n  size: 120\n  nfiles: 2\n  hash: md5\n  path: raw\n`;
    writeFileSync(join(repo, 'raw.dvc'), dvcFile('a304afb96060aad90176268345e10355'));
    const env = { MLOPS_SOURCE_TYPE: 'dvc', MLOPS_SOURCE: 'raw.dvc' };
    const before = await run(env, repo);
    expect(before.code).toBe(0);
    expect(fakes.calls()).toEqual([]);
    const updated = await run({ ...env, MLOPS_DVC_UPDATE: 'true' }, repo);
    expect(updated).toMatchObject({ code: 0, stdout: before.stdout });
    expect(fakes.lines()).toEqual(['dvc update --no-download raw.dvc']);
    // What `dvc update` does when the origin moved on: a new md5 in the .dvc file.
    writeFileSync(join(repo, 'raw.dvc'), dvcFile('f00dfeedf00dfeedf00dfeedf00dfeed'));
    expect((await run(env, repo)).stdout).not.toBe(before.stdout);
    rmSync(repo, { recursive: true, force: true });
  });

  it('says which file is not DVC-tracked', async () => {
    const repo = tempDir('dvc');
    writeFileSync(join(repo, 'raw.dvc'), 'outs: []\n');
    const r = await run({ MLOPS_SOURCE_TYPE: 'dvc', MLOPS_SOURCE: 'raw.dvc' }, repo);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('records no md5 or etag');
    rmSync(repo, { recursive: true, force: true });
  });
});

describe('fingerprint.sh on an HTTP URL, against a loopback server', () => {
  it('uses ETag and Last-Modified from a HEAD, and fails without either', async () => {
    const server = await loopbackServer();
    let etag = '"v1"';
    server.setHandler((req, res) => {
      if (req.url === '/moved') return res.writeHead(302, { Location: '/data.csv' }).end();
      if (req.url === '/bare') return res.writeHead(200).end();
      res.writeHead(200, { ETag: etag, 'Last-Modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end();
    });
    const env = { MLOPS_SOURCE_TYPE: 'http', MLOPS_SOURCE: `${server.url}/moved` };
    const one = await fingerprint(env);
    expect(await fingerprint(env)).toBe(one);
    etag = '"v2"';
    expect(await fingerprint(env)).not.toBe(one);
    expect(server.requests.slice(0, 2)).toEqual(['HEAD /moved', 'HEAD /data.csv']);

    const bare = await runScript('fingerprint', { ...env, MLOPS_SOURCE: `${server.url}/bare` });
    expect(bare).toMatchObject({ code: 3, stdout: '' });
    expect(bare.stderr).toContain('neither ETag nor Last-Modified');
    await server.close();
  });
});
