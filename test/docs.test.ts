import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../src/config/schema.js';
import { renderConfigDoc } from '../src/docs/config-doc.js';
import { repoRoot } from './helpers/cli.js';

describe('docs/configuration.md', () => {
  it('is current with the schema (run `npm run docs` when it is not)', () => {
    const committed = readFileSync(join(repoRoot, 'docs', 'configuration.md'), 'utf8');
    expect(committed).toBe(renderConfigDoc(loadSchema()));
  });
});
