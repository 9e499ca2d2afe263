// The local target for real: a model server on loopback, deployed, broken, rolled back by
// itself, then rolled back by hand, with a fake MLflow registry on loopback tracking the alias.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFakes } from '../fakes/fakes.js';
import { ROOT, runScenarios, type Scenario, type ScenarioResult } from '../harness/run.js';
import { gmap } from './groovy-literal.js';

const root = mkdtempSync(join(tmpdir(), 'cd-local-'));
const state = join(root, 'state');
const serving = (env: string) => join(root, 'serving', env);
const aliasCalls: Array<{ method: string; alias: string; version?: string; auth?: string }> = [];
const aliases = new Map<string, string>();
let mlflow: Server;
let mlflowUrl = '';
const results: Record<string, ScenarioResult> = {};
let sshCalls: () => string[] = () => [];

function workspace(name: string, broken: string[]): string {
  const ws = join(root, 'ws', name);
  for (const v of ['1', '2']) {
    mkdirSync(join(ws, 'models', v), { recursive: true });
    writeFileSync(join(ws, 'models', v, 'model.json'), JSON.stringify({ score: Number(v) / 10 }));
    if (broken.includes(v)) writeFileSync(join(ws, 'models', v, 'unhealthy'), '');
  }
  return ws;
}

function target(env: string): Record<string, unknown> {
  const server = {
    dir: serving(env),
    startCommand: `${process.execPath} ${join(ROOT, 'test/fixtures/model-server.mjs')}`,
  };
  if (env === 'edge') {
    // Through ssh to a loopback "remote host": the remote shell has no WORKSPACE.
    const models = join(root, 'ws', 'edge', 'models');
    return { type: 'ssh', host: '127.0.0.1', credential: 'edge-key', ...server, installCommand: `cp -R ${models}/$MLOPS_VERSION/. .` };
  }
  return { type: 'local', ...server, installCommand: 'cp -R "$WORKSPACE/models/$MLOPS_VERSION/." .' };
}

function step(env: string, call: 'mlopsDeploy' | 'mlopsRollback', extra: Record<string, unknown>) {
  const args = {
    model: 'fraud',
    environment: env,
    stateDir: state,
    target: target(env),
    healthCheck: { attempts: 2, intervalSeconds: 1 },
    readiness: { attempts: 20, intervalSeconds: 1 },
    registry: { type: 'mlflow', trackingUri: mlflowUrl, registeredModel: 'fraud', alias: env, credential: 'mlflow' },
    ...extra,
  };
  return `lock(resource: 'mlops-fraud-${env}') {\n  ${call}(${gmap(args).slice(1, -1)})\n}`;
}

async function get(url: string): Promise<{ status: number; body: any }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.json() };
}

/** Where the live version of an environment answers, read the way a client would. */
function liveUrl(env: string): string {
  const version = readFileSync(join(serving(env), 'current'), 'utf8').trim();
  const port = readFileSync(join(serving(env), 'versions', version, 'port'), 'utf8').trim();
  return `http://127.0.0.1:${port}`;
}

function ledger(env: string) {
  return readFileSync(join(state, 'ledger/fraud', `${env}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

beforeAll(async () => {
  mlflow = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const auth = req.headers.authorization;
      if (url.pathname !== '/api/2.0/mlflow/registered-models/alias') {
        res.writeHead(404).end('{}');
      } else if (req.method === 'POST') {
        const { alias, version } = JSON.parse(body) as { alias: string; version: string };
        aliases.set(alias, version);
        aliasCalls.push({ method: 'POST', alias, version, auth });
        res.writeHead(200).end('{}');
      } else {
        const alias = url.searchParams.get('alias') ?? '';
        const version = aliases.get(alias);
        res.writeHead(version ? 200 : 404).end(version ? JSON.stringify({ model_version: { version } }) : '{}');
      }
    });
  });
  await new Promise<void>((ok) => mlflow.listen(0, '127.0.0.1', ok));
  const address = mlflow.address();
  mlflowUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const stagingWs = workspace('staging', ['2']);
  const productionWs = workspace('production', []);
  const edgeWs = workspace('edge', ['2']);
  const base = {
    credentials: {
      mlflow: { type: 'string' as const, secret: 'tok-123' },
      'edge-key': { type: 'sshUserPrivateKey' as const, username: 'deploy', key: 'PRIVATE KEY' },
    },
  };
  const ssh = makeFakes({ tools: ['ssh'] });
  sshCalls = () => ssh.lines();
  const sshEnv = { ...ssh.env, FAKES_EXEC_STDIN: 'ssh' };
  const scenarios: Scenario[] = [
    { name: 'staging v1', workspace: stagingWs, script: step('staging', 'mlopsDeploy', { version: '1' }), buildNumber: 1 },
    { name: 'staging v2 broken', workspace: stagingWs, script: step('staging', 'mlopsDeploy', { version: '2' }), buildNumber: 2 },
    { name: 'production v1', workspace: productionWs, script: step('production', 'mlopsDeploy', { version: '1' }), buildNumber: 3 },
    { name: 'production v2', workspace: productionWs, script: step('production', 'mlopsDeploy', { version: '2' }), buildNumber: 4 },
    { name: 'edge v1', workspace: edgeWs, env: sshEnv, script: step('edge', 'mlopsDeploy', { version: '1' }), buildNumber: 6 },
    { name: 'edge v2 broken', workspace: edgeWs, env: sshEnv, script: step('edge', 'mlopsDeploy', { version: '2' }), buildNumber: 7 },
  ].map((s) => ({ ...base, ...s }));
  for (const r of await runScenarios(scenarios)) results[r.name] = r;
  // Checked between the two batches: v2 healthy in production before the manual rollback.
  results['production v2 live'] = { returned: (await get(`${liveUrl('production')}/predict`)).body } as never;
  const [manual] = await runScenarios([
    { ...base, name: 'manual rollback', workspace: productionWs, script: step('production', 'mlopsRollback', {}), buildNumber: 5 },
  ]);
  results['manual rollback'] = manual!;
}, 120_000);

afterAll(() => {
  mlflow?.close();
  for (const env of ['staging', 'production', 'edge']) {
    for (const v of ['1', '2']) {
      try {
        process.kill(Number(readFileSync(join(serving(env), 'versions', v, 'server.pid'), 'utf8')));
      } catch {
        // Not running: the library stopped it.
      }
    }
  }
});

const shLabels = (r: ScenarioResult) => r.calls.filter((c) => c.step === 'sh').map((c) => c.args.label as string);

describe('local target, for real', () => {
  it('deploys version 1 and serves it on loopback', () => {
    expect(results['staging v1']).toMatchObject({ result: 'SUCCESS', error: null });
  });

  it('rolls back by itself when version 2 fails its health check, and v1 answers again', async () => {
    const r = results['staging v2 broken']!;
    expect(r.result).toBe('FAILURE');
    expect(r.error).toMatch(/^Deploy of fraud 2 to staging failed \(health check failed: .*\); rolled back to 1$/);
    const live = await get(`${liveUrl('staging')}/predict`);
    expect(live).toEqual({ status: 200, body: { version: '1', score: 0.1 } });
  });

  it('runs deploy, check and rollback in that order', () => {
    // Polls repeat a probe until it answers; collapse repeats to compare the sequence.
    const labels = shLabels(results['staging v2 broken']!)
      .filter((l) => !l.startsWith('ledger'))
      .map((l) => l.replace(/^health http:\/\/127\.0\.0\.1:\d+\/health$/, 'health'))
      .filter((l, i, all) => l !== all[i - 1]);
    expect(labels).toEqual([
      'local deploy fraud 2 (staging)',
      'local ready fraud 2 (staging)',
      'local url fraud 2 (staging)',
      'health',
      'local rollback fraud 2 (staging)',
      'local ready fraud 1 (staging)',
      'local switch fraud 1 (staging)',
      'local url fraud 1 (staging)',
      'health',
      'local discard fraud 2 (staging)',
      'registry set-alias fraud@staging',
    ]);
    const healthProbes = shLabels(results['staging v2 broken']!).filter((l) => l.startsWith('health'));
    expect(healthProbes).toHaveLength(3);
  });

  it('keeps the servers alive after the build, as Jenkins would not kill them', () => {
    for (const name of ['staging v1', 'staging v2 broken']) expect(results[name]!.killed).toEqual([]);
  });

  it('writes every attempt to the ledger, inside the lock', () => {
    expect(ledger('staging').map(({ version, previous, action, outcome, build }) => ({ version, previous, action, outcome, build }))).toEqual([
      { version: '1', previous: null, action: 'deploy', outcome: 'succeeded', build: 1 },
      { version: '2', previous: '1', action: 'deploy', outcome: 'failed', build: 2 },
      { version: '1', previous: '2', action: 'rollback', outcome: 'succeeded', build: 2 },
    ]);
    expect(ledger('staging')[1].reason).toMatch(/^health check failed/);
    const appends = results['staging v2 broken']!.calls.filter((c) => c.step === 'sh' && c.env?.MLOPS_LEDGER_ACTION === 'append');
    expect(appends).toHaveLength(2);
    for (const a of appends) expect(a.within[0]).toBe('lock:mlops-fraud-staging');
  });

  it('rolls back by hand from a healthy version 2 to version 1', async () => {
    expect(results['production v2']!.result).toBe('SUCCESS');
    expect(results['production v2 live']!.returned).toEqual({ version: '2', score: 0.2 });
    const r = results['manual rollback']!;
    expect(r).toMatchObject({ result: 'SUCCESS', description: 'fraud rolled back to 1 in production' });
    expect((await get(`${liveUrl('production')}/predict`)).body).toEqual({ version: '1', score: 0.1 });
    expect(ledger('production').map((e) => [e.action, e.version, e.outcome])).toEqual([
      ['deploy', '1', 'succeeded'],
      ['deploy', '2', 'succeeded'],
      ['rollback', '1', 'succeeded'],
    ]);
  });

  it('does the same through ssh: v2 fails on the remote host, v1 answers again', async () => {
    expect(results['edge v1']!.result).toBe('SUCCESS');
    const r = results['edge v2 broken']!;
    expect(r.error).toMatch(/^Deploy of fraud 2 to edge failed \(health check failed: .*\); rolled back to 1$/);
    expect((await get(`${liveUrl('edge')}/predict`)).body).toEqual({ version: '1', score: 0.1 });
    const calls = sshCalls().map((l) => l.replace(/\S+@tmp\/secretFiles\/secret\d+/, '<key>'));
    expect(new Set(calls)).toEqual(new Set(['ssh -o BatchMode=yes -p 22 -i <key> deploy@127.0.0.1 sh -s']));
    expect(calls.length).toBeGreaterThan(10);
  });

  it('moves the MLflow alias on deploy and back on rollback, token only in a header', () => {
    expect(aliasCalls.map((c) => `${c.alias}=${c.version}`)).toEqual([
      'staging=1',
      'staging=1',
      'production=1',
      'production=2',
      'edge=1',
      'edge=1',
      'production=1',
    ]);
    expect(aliasCalls.every((c) => c.auth === 'Bearer tok-123')).toBe(true);
    for (const r of Object.values(results)) expect(JSON.stringify(r.calls ?? [])).not.toContain('tok-123');
  });
});
