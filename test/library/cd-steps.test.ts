// Gates, performance limits and argument checking of the CD steps, executed under the harness.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenarios, type ScenarioResult } from '../harness/run.js';
import { g } from './groovy-literal.js';

const ws = mkdtempSync(join(tmpdir(), 'cd-steps-'));
const results: Record<string, ScenarioResult> = {};
const perf = (p95: number, errors: number) =>
  `printf '{"p95_ms": ${p95}, "error_rate": ${errors}}' > "$MLOPS_PERF_RESULTS"`;

beforeAll(async () => {
  mkdirSync(join(ws, 'metrics'), { recursive: true });
  writeFileSync(join(ws, 'metrics/good.json'), JSON.stringify({ auc: 0.91, log_loss: 0.3 }));
  writeFileSync(join(ws, 'metrics/bad.json'), JSON.stringify({ auc: 0.8 }));
  const list = await runScenarios(
    [
      { name: 'gate passes', script: `mlopsGate(metricsFile: 'metrics/good.json', thresholds: ['auc >= 0.85', 'log_loss < 0.4'])` },
      { name: 'gate fails', script: `mlopsGate(metricsFile: 'metrics/bad.json', thresholds: ['auc >= 0.85', 'log_loss < 0.4'])` },
      { name: 'perf passes', script: `mlopsGate(perfTest: [command: ${g(perf(120, 0.001))}, maxP95Ms: 200, maxErrorRate: 0.01])` },
      { name: 'perf fails', script: `mlopsPerfTest(command: ${g(perf(350, 0.05))}, url: 'http://127.0.0.1:9/', maxP95Ms: 200, maxErrorRate: 0.01)` },
      { name: 'bad arguments', script: `mlopsDeploy(model: 'fraud', environment: 'staging', target: [type: 'local'], strategy: 'rolling', bogus: 1)` },
    ].map((s) => ({ ...s, workspace: ws })),
  );
  for (const r of list) results[r.name] = r;
});

describe('CD gates and checks', () => {
  it('passes a gate whose thresholds all hold', () => {
    expect(results['gate passes']).toMatchObject({ result: 'SUCCESS', error: null });
  });

  it('fails a gate naming every threshold missed, with the actual values', () => {
    expect(results['gate fails']!.error).toBe(
      'quality gate failed for metrics/bad.json:\n  auc = 0.8 does not meet auc >= 0.85\n' +
        '  log_loss: missing or not a number in the metrics (log_loss < 0.4)',
    );
  });

  it('checks the performance test results against the limits, on the agent', () => {
    expect(results['perf passes']).toMatchObject({ result: 'SUCCESS', error: null });
    const r = results['perf fails']!;
    expect(r.error).toBe('performance test failed:\n  p95_ms = 350 exceeds 200\n  error_rate = 0.05 exceeds 0.01');
    const sh = r.calls.find((c) => c.step === 'sh')!;
    expect(sh.env).toEqual({ MLOPS_URL: 'http://127.0.0.1:9/', MLOPS_PERF_RESULTS: 'perf-results.json' });
  });

  it('rejects bad arguments early, naming each field', () => {
    const r = results['bad arguments']!;
    expect(r.result).toBe('FAILURE');
    expect(r.error!.split('\n')).toEqual([
      expect.stringMatching(/^mlopsDeploy: unknown field 'bogus'; known fields: canary, environment, /),
      "mlopsDeploy: field 'version' is required",
      "mlopsDeploy: field 'strategy' is 'rolling'; allowed: replace, blue-green, canary",
    ]);
  });
});
