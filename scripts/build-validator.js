#!/usr/bin/env node
// Compiles schemas/mlops.schema.json into a standalone validator module at build time,
// so the CLI does not load and run ajv's compiler on every start (about 100 ms).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'mlops.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, code: { source: true, esm: true } });
const validate = ajv.compile(schema);
const out = join(root, 'dist', 'config', 'schema-validator.js');
mkdirSync(dirname(out), { recursive: true });
// ajv's ESM output still calls require() for its runtime helpers; turn those into imports.
const imports = [];
const code = standaloneCode(ajv, validate).replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/g, (_, mod) => {
  const name = `runtime${imports.length}`;
  imports.push(`import ${name} from "${mod}.js";`);
  return name;
});
if (/\brequire\(/.test(code)) throw new Error('standalone validator still calls require()');
writeFileSync(out, `${imports.join('\n')}\n${code}`);
