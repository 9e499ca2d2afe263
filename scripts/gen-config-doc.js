#!/usr/bin/env node
// Writes docs/configuration.md from the schema (see src/docs/config-doc.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfigDoc } from '../dist/docs/config-doc.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'mlops.schema.json'), 'utf8'));
writeFileSync(join(root, 'docs', 'configuration.md'), renderConfigDoc(schema));
console.error('wrote docs/configuration.md');
