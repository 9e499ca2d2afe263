import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deadPort, loopbackServer, pathWithout, runScript } from './support.js';

type Server = Awaited<ReturnType<typeof loopbackServer>>;

const vector = (value: string) => JSON.stringify({
  status: 'success',
  data: { resultType: 'vector', result: [{ metric: { model: 'churn' }, value: [1.7e9, value] }] },
});

function json(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
}

describe('metric-check.sh against a loopback server answering like Prometheus', () => {
  let server: Server;
  let answer = '';
  let status = 200;
  beforeAll(async () => {
    server = await loopbackServer();
    server.setHandler((_req, res) => json(res, answer, status));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    status = 200;
  });

  const check = (extra: Record<string, string> = {}) => runScript('metric-check', {
    MLOPS_METRIC_SOURCE: 'prometheus',
    MLOPS_METRIC_URL: `${server.url}/`,
    MLOPS_METRIC_QUERY: 'avg_over_time(model_auc{model="churn"}[1h])',
    MLOPS_THRESHOLD: '0.85',
    MLOPS_DIRECTION: 'below',
    ...extra,
  });

  // [case, answer, exit code, stdout, part of stderr]
  const cases: [string, string, number, string, string][] = [
    ['below the threshold: retrain', vector('0.81'), 0,
      'value=0.81 threshold=0.85 direction=below', '0.81 is below 0.85: retrain'],
    ['above the threshold: fine', vector('0.91'), 10,
      'value=0.91 threshold=0.85 direction=below', 'no retraining needed'],
    ['exactly at the threshold: fine', vector('0.85'), 10,
      'value=0.85 threshold=0.85 direction=below', ''],
    ['empty result: an error', JSON.stringify({ status: 'success',
      data: { resultType: 'vector', result: [] } }), 20, '', 'returned no series'],
    ['NaN: an error', vector('NaN'), 20, '', "the metric is 'NaN', not a number"],
    ['several series: an error', JSON.stringify({ status: 'success', data: {
      resultType: 'vector', result: [{ value: [1, '0.1'] }, { value: [1, '0.2'] }] } }), 20, '',
      'returned 2 series'],
    ['malformed JSON: an error', '{"status":"success","data":', 20, '', 'not JSON'],
    ['an error status: an error', JSON.stringify({ status: 'error', error: 'bad_data' }), 20, '',
      'did not answer success'],
    ['a scalar result', JSON.stringify({ status: 'success',
      data: { resultType: 'scalar', result: [1.7e9, '0.5'] } }), 0,
      'value=0.5 threshold=0.85 direction=below', ''],
  ];

  it.each(cases)('%s', async (_name, body, code, stdout, stderr) => {
    answer = body;
    const r = await check();
    expect(r.code).toBe(code);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toContain(stderr);
  });

  it('sends the query to /api/v1/query, URL-encoded', async () => {
    answer = vector('0.9');
    server.requests.length = 0;
    await check();
    expect(server.requests).toHaveLength(1);
    const url = new URL(server.requests[0]!.replace(/^GET /, ''), server.url);
    expect(url.pathname).toBe('/api/v1/query');
    expect([...url.searchParams]).toEqual([
      ['query', 'avg_over_time(model_auc{model="churn"}[1h])'],
    ]);
  });

  it('reports an HTTP error answer with exit 21', async () => {
    answer = '{"status":"error","errorType":"bad_data","error":"parse error"}';
    status = 400;
    const r = await check();
    expect(r.code).toBe(21);
    expect(r.stderr).toContain('HTTP 400');
    expect(r.stderr).toContain('parse error');
  });

  it('reports a server that is down with exit 21', async () => {
    const port = await deadPort();
    const r = await check({ MLOPS_METRIC_URL: `http://127.0.0.1:${port}` });
    expect(r).toMatchObject({ code: 21, stdout: '' });
    expect(r.stderr).toContain('cannot read the metric');
  });

  it('holds a retrain during the cooldown, then allows it', async () => {
    answer = vector('0.7');
    const now = 1_700_000_000;
    const inCooldown = await check({ MLOPS_COOLDOWN_MINUTES: '120',
      MLOPS_LAST_RETRAIN: String(now - 30 * 60), MLOPS_NOW: String(now) });
    expect(inCooldown.code).toBe(11);
    expect(inCooldown.stderr).toContain('started 30 min ago; cooldown ends in 90 min');
    const after = await check({ MLOPS_COOLDOWN_MINUTES: '120',
      MLOPS_LAST_RETRAIN: String(now - 121 * 60), MLOPS_NOW: String(now) });
    expect(after.code).toBe(0);
    const first = await check({ MLOPS_COOLDOWN_MINUTES: '120', MLOPS_LAST_RETRAIN: '' });
    expect(first.code).toBe(0);
  });

  it('does not apply the cooldown when the metric is fine', async () => {
    answer = vector('0.95');
    const r = await check({ MLOPS_COOLDOWN_MINUTES: '120', MLOPS_LAST_RETRAIN: '1699999999',
      MLOPS_NOW: '1700000000' });
    expect(r.code).toBe(10);
  });

  it('retrains on a rise when the direction is above', async () => {
    answer = vector('0.2');
    const r = await check({ MLOPS_THRESHOLD: '0.1', MLOPS_DIRECTION: 'above' });
    expect(r).toMatchObject({ code: 0, stdout: 'value=0.2 threshold=0.1 direction=above' });
  });
});

describe('metric-check.sh on a generic JSON endpoint', () => {
  let server: Server;
  beforeAll(async () => {
    server = await loopbackServer();
    server.setHandler((req, res) => {
      if (req.url === '/stats') {
        return json(res, '{"models":[{"name":"churn","live":{"auc":0.79,"note":"x"}}]}');
      }
      json(res, '{}', 404);
    });
  });
  afterAll(() => server.close());

  const check = (path: string, url = `${server.url}/stats`) => runScript('metric-check', {
    MLOPS_METRIC_SOURCE: 'http', MLOPS_METRIC_URL: url, MLOPS_METRIC_JSON_PATH: path,
    MLOPS_THRESHOLD: '0.8',
  });

  it('follows the path to the value', async () => {
    const r = await check('models.0.live.auc');
    expect(r).toMatchObject({ code: 0, stdout: 'value=0.79 threshold=0.8 direction=below' });
  });

  it.each([
    ['models.0.live.precision', "'precision' is missing"],
    ['models.3.live.auc', "'3' is missing"],
    ['models.0.live.note', "the metric is 'x', not a number"],
    ['models.0.live', 'not a number'],
  ])('refuses %s with exit 20', async (path, message) => {
    const r = await check(path);
    expect(r.code).toBe(20);
    expect(r.stderr).toContain(message);
  });

  it('treats a 404 as a failed read (exit 21)', async () => {
    const r = await check('a', `${server.url}/nope`);
    expect(r.code).toBe(21);
  });
});

describe('metric-check.sh with a command', () => {
  const check = (command: string) => runScript('metric-check', {
    MLOPS_METRIC_SOURCE: 'command', MLOPS_METRIC_COMMAND: command, MLOPS_THRESHOLD: '10',
    MLOPS_DIRECTION: 'above',
  });

  it.each([
    ['echo 12.5', 0, 'value=12.5 threshold=10 direction=above', ''],
    ['printf "  3\\n"', 10, 'value=3 threshold=10 direction=above', ''],
    ['true', 20, '', 'the metric is empty'],
    ['echo high', 20, '', "'high', not a number"],
    ['printf "1\\n2\\n"', 20, '', 'not a number'],
    ['echo 99; exit 3', 21, '', 'the metric command failed (exit 3)'],
  ])('%j', async (command, code, stdout, stderr) => {
    const r = await check(command);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toContain(stderr);
  });

  it('refuses a threshold that is not a number (exit 2)', async () => {
    const r = await runScript('metric-check', { MLOPS_METRIC_SOURCE: 'command',
      MLOPS_METRIC_COMMAND: 'echo 1', MLOPS_THRESHOLD: 'high' });
    expect(r.code).toBe(2);
  });

  it('says python3 is needed when it is missing (exit 5)', async () => {
    const r = await runScript('metric-check', { MLOPS_METRIC_SOURCE: 'http',
      MLOPS_METRIC_URL: 'http://127.0.0.1:9/x', MLOPS_METRIC_JSON_PATH: 'a',
      MLOPS_THRESHOLD: '1' }, { path: pathWithout(['python3']) });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('is not installed on this agent');
  });
});
