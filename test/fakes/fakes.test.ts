import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { makeFakes } from './fakes.js';

const run = (env: Record<string, string>, script: string) =>
  execa('sh', ['-c', script], { env, extendEnv: true, reject: false });

describe('fake binaries', () => {
  it('record argv exactly, spaces, tabs and newlines included', async () => {
    const f = makeFakes();
    const r = await run(f.env, `docker run -d --name "a b" 'x\ty' "$(printf 'l1\\nl2')" && kubectl get pods`);
    expect(r.exitCode).toBe(0);
    expect(f.calls()).toEqual([
      ['docker', 'run', '-d', '--name', 'a b', 'x\ty', 'l1\nl2'],
      ['kubectl', 'get', 'pods'],
    ]);
  });

  it('answer from rules: first match wins, failures on stderr, limited by times', async () => {
    const f = makeFakes()
      .rule('curl *health*', 22, 'curl: (22) 503', 2)
      .rule('curl *', 0, '{"status":\n"ok"}');
    const outs = [];
    for (let i = 0; i < 3; i++) outs.push(await run(f.env, 'curl -fsS http://127.0.0.1/health'));
    expect(outs.map((o) => o.exitCode)).toEqual([22, 22, 0]);
    expect(outs[0]!.stderr).toBe('curl: (22) 503');
    expect(outs[2]!.stdout).toBe('{"status":\n"ok"}');
  });

  it('refuse to run without a log, so a test cannot forget to look', async () => {
    const f = makeFakes();
    const r = await run({ PATH: f.env.PATH!, FAKES_LOG: '' }, 'helm list');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('FAKES_LOG is not set');
  });
});
