import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deref, loadSchema, type JsonSchema } from '../../src/config/schema.js';

/**
 * Configs built from the JSON Schema itself, so every string field it allows gets data:
 * free-text fields get hostile strings, each tagged with a unique ASCII marker so the test
 * can find where it landed; fields with a pattern get random strings matching it.
 */

/** Pieces that break naive quoting in Groovy, shell, YAML or templates. */
const PIECES = [
  "'", '"', '\\', '$', '${x}', '${System.exit(1)}', "'''", '"""', '\n', '\t', '\r', '*/', '/*',
  '//', '#{x}', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff',
  'é', '字', '😀', '`id`', '$(id)', ';', '|', '&&', ' ', '\\u0041', "\\'", '{{x}}', '\\n', '$/',
  '/$', '@', '-',
];

export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  ), { maxLength: 10 })
  .map((parts) => parts.join(''))
  .filter((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));

/** The markers a config carries, in order: marker n tags the n-th free-text string. */
export const markerOf = (n: number): string => `Qm${n}mZ`;

/** A free-text value: marker, then hostile text. The marker number is filled in later. */
const FREE = '\u0000FREE\u0000';

/** Path segments without `..`, absolute roots, backslashes or control characters. */
const pathArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(
    fc.constantFrom('models', 'a b', "it's", '$x', '${y}', '"q"', 'é', '**', '*.xml', '.', '...', '..x', '字'),
    fc.stringMatching(/^[A-Za-z0-9._ $'"{}()*-]{1,8}$/).filter((s) => s !== '..'),
  ), { minLength: 1, maxLength: 4 })
  .map((segs) => segs.join('/'));

const CRONS = ['H 3 * * 1', 'H H(0-5) * * *', '@daily', 'H/15 * * * *', 'TZ=Europe/Paris\nH 1 * * 6'];

type Node = fc.Arbitrary<unknown>;

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url));
const exampleDeploys: unknown[] = readdirSync(examplesDir).flatMap((name) => {
  const file = join(examplesDir, name, 'mlops.yaml');
  if (!existsSync(file)) return [];
  const models = (parse(readFileSync(file, 'utf8')) as { models?: { deploy?: unknown }[] }).models ?? [];
  // Per-environment overrides name the example's environments; they are left out.
  return models.map((m) => m.deploy as Record<string, unknown> | undefined).filter((d) => d !== undefined)
    .map(({ environments: _e, ...rest }) => rest);
});
/** The credentials those deploy sections reference, as the examples declare them. */
const exampleCredentials: Record<string, unknown> = Object.assign({}, ...readdirSync(examplesDir).map((name) => {
  const file = join(examplesDir, name, 'mlops.yaml');
  return existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { credentials?: object }).credentials ?? {} : {};
}));

/**
 * `deploy`: the schema chooses a target's settings by its `type` (if/then), which this
 * generator does not derive; so either a committed example's deploy section, or a valid
 * target of each kind with hostile text in every command the user writes there.
 */
const free = hostileText.map((s) => `${FREE}${s}`);
const hostileDeployArb: Node = fc.record({
  target: fc.oneof(
    fc.constantFrom(
      { type: 'kubernetes', deployment: 'fraud-api', image: 'registry.example.com/fraud' },
      { type: 'helm', release: 'fraud', chart: 'charts/fraud' },
      { type: 'docker', image: 'registry.example.com/fraud', network: 'models' },
      { type: 'vertex', project: 'acme-ml', region: 'europe-west4', endpoint: '42', modelId: '7' },
    ),
    fc.tuple(free, free).map(([start, install]) => ({ type: 'local', startCommand: start, installCommand: install })),
    fc.tuple(free, free).map(([start, install]) => (
      { type: 'ssh', host: 'models.example.com', dir: '/srv/m', startCommand: start, installCommand: install })),
  ),
  smokeTest: fc.option(free.map((command) => ({ command })), { nil: undefined }),
  gates: fc.option(free.map((command) => ({ perfTest: { command } })), { nil: undefined }),
});

function arb(schema: JsonSchema | undefined, path: string[], root: JsonSchema): Node {
  if (!schema) return fc.constant(undefined);
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    if (name === 'relativePath' || name === 'glob') {
      if (path[0] !== 'output' && path[0] !== 'library') return pathArb;
      // Output locations take one spelling only (see src/config/output-paths.ts).
      const plain = pathArb.filter((p) => p.split('/').every((seg) => seg !== '.' && !/^\.(git|mlops-jenkins)$/i.test(seg)));
      return path[path.length - 1] === 'ciJenkinsfile' ? plain.map((p) => `${p}/Jenkinsfile`) : plain;
    }
    if (name === 'cron') return fc.constantFrom(...CRONS);
    return arb(deref(schema, root), path, root);
  }
  if (schema.allOf || schema.if || schema.dependentRequired) {
    // Limitation: conditional shapes (a target type decides its required settings) are not
    // derived. Deploy sections come from the committed examples, which other tests keep
    // valid; other conditional parts are left out.
    if (path[path.length - 1] !== 'deploy') return fc.constant(undefined);
    return exampleDeploys.length > 0 ? fc.oneof(hostileDeployArb, fc.constantFrom(...exampleDeploys)) : hostileDeployArb;
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = schema.type as string | undefined;
  if (type === 'integer') {
    return fc.integer({ min: (schema.minimum as number) ?? 0, max: Math.min((schema.maximum as number) ?? 1000, 100000) });
  }
  if (type === 'number') {
    const min = Math.ceil(((schema.minimum as number | undefined) ?? -1000) * 8);
    const max = Math.floor(((schema.maximum as number | undefined) ?? 1000) * 8);
    return fc.integer({ min, max }).map((n) => n / 8);
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'string') return stringArb(schema);
  if (type === 'array') return arrayArb(schema, path, root);
  if (type === 'object') return objectArb(schema, path, root);
  return fc.constant(undefined);
}

function stringArb(schema: JsonSchema): Node {
  const max = (schema.maxLength as number | undefined) ?? 4096;
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern as string, 'u')).filter((s) => s.length <= max);
  }
  return hostileText.map((s) => `${FREE}${s}`);
}

function arrayArb(schema: JsonSchema, path: string[], root: JsonSchema): Node {
  const item = arb(schema.items as JsonSchema, [...path, '[]'], root);
  const minLength = (schema.minItems as number | undefined) ?? 0;
  const maxLength = Math.max(minLength, Math.min((schema.maxItems as number | undefined) ?? 3, 3));
  const last = path[path.length - 1];
  if (last === 'models' || last === 'environments') {
    return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => (v as { name: string }).name });
  }
  return fc.array(item, { minLength, maxLength });
}

/**
 * Credential references point at declared credentials: a required one at the `string`
 * credential, optional ones are set afterwards where their type is known.
 */
const isCredentialRef = (s: JsonSchema | undefined) => s?.$ref === '#/$defs/credentialRef';

function objectArb(schema: JsonSchema, path: string[], root: JsonSchema): Node {
  const needed = new Set(schema.required ?? []);
  const props = Object.entries(schema.properties ?? {}).filter(([k, s]) => !isCredentialRef(s) || needed.has(k));
  const model = Object.fromEntries(props.map(([k, s]) => [k, isCredentialRef(s) ? fc.constant('tok') : arb(s, [...path, k], root)]));
  if (schema.maxProperties === 1) {
    // `agent`: exactly one kind.
    return fc.oneof(...props.map(([k]) => fc.record({ [k]: model[k]! })));
  }
  let required = (schema.required ?? []).filter((k) => k in model);
  const atLeast = (schema.minProperties as number | undefined) ?? 0;
  if (required.length < atLeast) required = Object.keys(model).slice(0, atLeast);
  const rec = fc.record(model, { requiredKeys: required });
  const extra = schema.additionalProperties;
  const keyPattern = (schema.propertyNames as JsonSchema | undefined)?.pattern as string | undefined;
  // Maps keyed by names defined elsewhere (environments, credentials) are left empty.
  if (extra && typeof extra === 'object' && keyPattern) {
    const key = fc.stringMatching(new RegExp(keyPattern, 'u')).filter((k) => k.length <= 24);
    return fc.tuple(rec, fc.dictionary(key, arb(extra as JsonSchema, [...path, '*'], root), { maxKeys: 2 }))
      .map(([r, d]) => ({ ...d, ...r }));
  }
  return rec;
}

const credentialId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);

/** A schema-valid config object with hostile free text; `markers` counts the tagged strings. */
export const configArbitrary: fc.Arbitrary<{ data: Record<string, unknown>; markers: number }> = fc
  .tuple(arb(loadSchema(), [], loadSchema()), credentialId, credentialId, credentialId)
  .map(([raw, gitId, regId, tokId]) => {
    const data = JSON.parse(JSON.stringify(raw)) as Record<string, any>;
    data.credentials = {
      ...exampleCredentials,
      git: { id: gitId, type: 'usernamePassword' },
      reg: { id: regId, type: 'usernamePassword' },
      tok: { id: tokId, type: 'string' },
    };
    data.scm.credential = 'git';
    for (const m of data.models) if (m.ci?.image) m.ci.image.credential = 'reg';
    // A container model agent has no Docker engine: ci.image must name an agent to build on.
    for (const m of data.models) {
      const agent = m.agent ?? data.agent;
      if (m.ci?.image && !m.ci.image.agent && (agent?.docker || agent?.kubernetes)) m.ci.image.agent = { label: 'docker' };
    }
    if (data.notifications?.slack) data.notifications.slack.credential = 'tok';
    if (data.registry) data.registry.credential = 'tok';
    if (data.library?.source === 'global' && !data.library.version) data.library.version = 'v1';
    let markers = 0;
    const tag = (v: unknown): unknown => {
      if (typeof v === 'string') return v.startsWith(FREE) ? markerOf(markers++) + v.slice(FREE.length) : v;
      if (Array.isArray(v)) return v.map(tag);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tag(x)]));
      return v;
    };
    return { data: tag(data) as Record<string, unknown>, markers };
  });
