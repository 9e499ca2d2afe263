import { execa } from 'execa';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntaxOf } from '../../src/render/marker.js';
import { shellWord } from '../../src/render/shell.js';
import { repoRoot } from '../helpers/cli.js';
import { hostileText } from './config-arbitrary.js';
import { groovyConstants } from './groovy-constants.js';

const SEED = Number(process.env.FC_SEED ?? 20261204);

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

describe('no generated Groovy builds a shell script from interpolated values', () => {
  it('holds for every Groovy file of every example and of the library source', async () => {
    const files = [...filesBelow(join(repoRoot, 'examples')), ...filesBelow(join(repoRoot, 'library'))]
      .filter((f) => syntaxOf(f) === 'groovy');
    expect(files.length).toBeGreaterThan(10);
    const parsed = await groovyConstants(files.map((f) => readFileSync(f, 'utf8')));
    const found = parsed.flatMap((c, i) => [
      ...(c.error ? [`${relative(repoRoot, files[i]!)}: ${c.error}`] : []),
      ...c.shellInterpolation.map((s) => `${relative(repoRoot, files[i]!)}:${s.line}: ${s.text}`),
    ]);
    expect(found).toEqual([]);
  });
});

describe(`shellWord round trip through real shells, property-based (FC_SEED=${SEED})`, () => {
  const words = fc.sample(hostileText.filter((s) => !s.includes('\u0000')), { seed: SEED, numRuns: 400 });

  it.each(['bash', 'sh'])('%s reads every quoted word back as exactly the input', async (shell) => {
    const script = words.map((w) => `printf '%s\\0' ${shellWord(w)}`).join('\n');
    const r = await execa(shell, ['-c', script], { encoding: 'buffer', reject: false });
    expect(r.exitCode, `FC_SEED=${SEED}: ${String(r.stderr)}`).toBe(0);
    const back = Buffer.from(r.stdout as Uint8Array).toString('utf8').split('\u0000').slice(0, -1);
    const diff = words.map((w, i) => [w, back[i]]).filter(([w, b]) => w !== b);
    expect(diff, `FC_SEED=${SEED}`).toEqual([]);
    expect(back.length).toBe(words.length);
  });

  it('refuses a NUL byte, which no argv can carry', () => {
    expect(() => shellWord('a\u0000b')).toThrow(/NUL/);
  });
});
