import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/lint/lint.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Lint and hooks'));

describe('README, Lint and hooks', () => {
  it.each(allRules.map((r) => [r.id]))('documents rule %s in the rules table', (id) => {
    expect(section).toMatch(new RegExp(`^\\| \`${id}\` \\| (error|warning) \\|`, 'm'));
  });
});
