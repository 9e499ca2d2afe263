import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStepMeta } from '../../src/library/steps.js';
import { repoRoot } from '../helpers/cli.js';

const lib = join(repoRoot, 'library');
const vars = readdirSync(join(lib, 'vars')).filter((f) => f.endsWith('.groovy')).map((f) => f.replace(/\.groovy$/, '')).sort();

/**
 * Built-in and common plugin steps a library var must never shadow: a var named like a
 * step silently replaces it in every pipeline that loads the library.
 */
const INTERNAL = ['mlopsConfig', 'mlopsScript', 'mlopsPoll', 'mlopsTarget'];

const BUILT_IN = [
  'archiveArtifacts', 'bat', 'build', 'catchError', 'checkout', 'deleteDir', 'dir', 'echo', 'emailext',
  'error', 'fileExists', 'git', 'input', 'isUnix', 'junit', 'library', 'libraryResource', 'load', 'lock',
  'mail', 'milestone', 'node', 'parallel', 'powershell', 'properties', 'readFile', 'readJSON', 'readYaml',
  'retry', 'script', 'sh', 'sleep', 'slackSend', 'stage', 'stash', 'timeout', 'tool', 'unstash',
  'waitUntil', 'warnError', 'withCredentials', 'withEnv', 'writeFile', 'writeJSON', 'ws', 'container',
  'podTemplate', 'docker', 'env', 'params', 'currentBuild', 'scm', 'pipeline', 'unstable', 'cleanWs',
];

describe('library conventions, over every step', () => {
  it('has steps to check', () => {
    expect(vars.length).toBeGreaterThan(2);
  });

  it.each(vars)('%s: prefixed mlops, shadows no built-in step', (name) => {
    expect(name).toMatch(/^mlops[A-Z][A-Za-z]*$/);
    expect(BUILT_IN.map((s) => s.toLowerCase())).not.toContain(name.toLowerCase());
  });

  it.each(vars)('%s: a step with call() has metadata, and merges it first', (name) => {
    const src = readFileSync(join(lib, 'vars', `${name}.groovy`), 'utf8');
    // Plumbing the other steps call (config merge, script runner, polling, target
    // dispatch) takes no user map, so it has no metadata to merge.
    if (!/^def call\(/m.test(src) || INTERNAL.includes(name)) return;
    const meta = join(lib, 'steps', `${name}.yaml`);
    expect(existsSync(meta), `library/steps/${name}.yaml`).toBe(true);
    expect(parseStepMeta(readFileSync(meta, 'utf8')).name).toBe(name);
    const body = src.slice(src.search(/^def call\(/m)).split('\n').slice(1).find((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    expect(body?.trim(), `${name}: first statement of call()`).toMatch(new RegExp(`^Map cfg = mlopsConfig\\.merge\\('${name}', args\\)`));
  });

  it('has no metadata without a step', () => {
    const metas = readdirSync(join(lib, 'steps')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(metas.filter((m) => !vars.includes(m))).toEqual([]);
  });

  it('keeps sandbox-hostile calls out of library code', () => {
    const hostile = /\bnew File\b|JsonSlurper|Thread\.|System\.(exit|getenv)|\.execute\(\)|Runtime\.getRuntime/;
    for (const name of vars) {
      expect(readFileSync(join(lib, 'vars', `${name}.groovy`), 'utf8'), name).not.toMatch(hostile);
    }
  });
});
