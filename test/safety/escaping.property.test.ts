import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseConfigText } from '../../src/config/load.js';
import { normalize } from '../../src/config/normalize.js';
import type { MlopsYaml } from '../../src/config/types.js';
import { validateConfig } from '../../src/config/validate.js';
import { planFiles } from '../../src/plan/index.js';
import { syntaxOf } from '../../src/render/marker.js';
import { configArbitrary, markerOf } from './config-arbitrary.js';
import { groovyConstants } from './groovy-constants.js';

/**
 * Round trip through the real generator and the real Groovy 2.4 parser: configs built from
 * the schema with hostile strings in every free-text field, generated through the API, every
 * Groovy file parsed in one JVM. A user string must come back out of a string literal
 * exactly as it went in, never inside an interpolating string, never as code.
 */
const SEED = Number(process.env.FC_SEED ?? 20261204);
const RUNS = Number(process.env.FC_RUNS ?? 100);

interface Tagged {
  marker: string;
  value: string;
  field: string;
}

/** Every marked string in the config with the field it sits in (`models[].ci.lint`). */
function taggedStrings(data: unknown, path: string[] = []): Tagged[] {
  if (typeof data === 'string') {
    const m = /^(Qm\d+mZ)/.exec(data);
    return m ? [{ marker: m[1]!, value: data, field: path.join('.').replace(/\.(\d+)(?=\.|$)/g, '[]') }] : [];
  }
  if (Array.isArray(data)) return data.flatMap((v, i) => taggedStrings(v, [...path, String(i)]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => taggedStrings(v, [...path, k]));
  return [];
}

describe(`escaping round trip, property-based (FC_SEED=${SEED}, ${RUNS} configs)`, () => {
  it('every user string reaches Groovy as a literal equal to the input, never as code', async () => {
    const configs = fc.sample(configArbitrary, { seed: SEED, numRuns: RUNS });
    const sources: { config: number; path: string; text: string }[] = [];
    const failures: string[] = [];
    const fail = (i: number, what: string) => failures.push(`config #${i} (FC_SEED=${SEED}): ${what}`);

    for (const [i, { data }] of configs.entries()) {
      // Through YAML as a user would write it, then the real load, validate, normalize, plan.
      const text = stringify(data, { lineWidth: 0 });
      expect(parse(text)).toEqual(data);
      const loaded = parseConfigText('mlops.yaml', Buffer.from(text));
      const problems = await validateConfig(loaded);
      if (problems.length > 0) {
        fail(i, `generated config rejected: ${JSON.stringify(problems.slice(0, 3))}\n${text}`);
        continue;
      }
      const config = normalize(loaded.data as MlopsYaml);
      const libraryDir = `${config.library.path}/`;
      for (const f of await planFiles(config)) {
        // The library is static and the same for every config; the scan test covers it.
        if (syntaxOf(f.path) === 'groovy' && !f.path.startsWith(libraryDir)) sources.push({ config: i, path: f.path, text: f.content });
      }
    }
    expect(failures).toEqual([]);

    const parsed = await groovyConstants(sources.map((s) => s.text));
    const seen = new Set<string>();
    let checked = 0;
    for (const [i, { data }] of configs.entries()) {
      const files = sources.map((s, k) => ({ ...s, c: parsed[k]! })).filter((s) => s.config === i);
      for (const f of files) {
        if (f.c.error) fail(i, `${f.path} does not parse: ${f.c.error}`);
        for (const s of f.c.shellInterpolation) fail(i, `${f.path}:${s.line} builds a shell script by interpolation: ${s.text}`);
        for (const g of f.c.gstrings) if (/Qm\d+mZ/.test(g)) fail(i, `${f.path}: user text inside an interpolating string: ${g}`);
      }
      for (const t of taggedStrings(data)) {
        const where = files.filter((f) => f.text.includes(t.marker));
        for (const f of where) {
          // The marker is plain ASCII, so it shows in the source wherever the value landed;
          // there, a literal must evaluate to exactly the value.
          if (!f.c.strings.includes(t.value)) {
            const near = f.c.strings.find((s) => s.includes(t.marker));
            fail(i, `${f.path}: ${t.field} ${JSON.stringify(t.value)} came back as ${JSON.stringify(near)}`);
          }
        }
        if (where.length > 0) {
          seen.add(t.field);
          checked++;
        }
      }
    }
    if (failures.length > 0) console.error(failures.slice(0, 10).join('\n'));
    expect(failures.slice(0, 10)).toEqual([]);
    console.info(`escaping: ${checked} hostile strings checked in ${sources.length} Groovy files; fields: ${[...seen].sort().join(', ')}`);
    expect(checked).toBeGreaterThanOrEqual(RUNS);
    if (RUNS >= 50) {
      // Guards against a run that silently checks nothing where it matters most.
      for (const field of ['scm.url', 'scm.branch', 'agent.label', 'models[].ci.lint', 'models[].training.command', 'environments[].approval.message']) {
        expect(seen, field).toContain(field);
      }
    }
  }, 180_000);
});
