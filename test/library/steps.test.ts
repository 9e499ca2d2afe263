import { describe, expect, it } from 'vitest';
import { parseStepMeta, renderStepDefaults, renderStepHelp } from '../../src/library/steps.js';

const yaml = `name: mlopsDemo
description: Deploys a <demo>.
params:
  model: {type: string, required: true, doc: Model name.}
  strategy: {type: string, default: replace, enum: [replace, canary], doc: How traffic moves.}
  retries: {type: number, default: 3, doc: Attempts.}
`;

describe('step metadata', () => {
  it('renders defaults, required names, allowed values and types, keys sorted', () => {
    expect(JSON.parse(renderStepDefaults(yaml))).toEqual({
      step: 'mlopsDemo',
      defaults: { retries: 3, strategy: 'replace' },
      required: ['model'],
      allowed: { strategy: ['replace', 'canary'] },
      types: { model: 'string', retries: 'number', strategy: 'string' },
    });
  });

  it('renders help from the same metadata, HTML-escaped', () => {
    const help = renderStepHelp(yaml);
    expect(help).toContain('Deploys a &#60;demo&#62;.');
    expect(help).toContain('  strategy (string, default "replace", one of replace, canary)');
    expect(help).toContain('  model (string, required)');
  });

  it.each([
    ['a name without the prefix', 'name: deploy\ndescription: x\n', /name must be mlops<Name>/],
    ['a missing description', 'name: mlopsX\n', /description is required/],
    ['an unknown type', 'name: mlopsX\ndescription: x\nparams: {a: {type: int, doc: d}}\n', /type must be/],
    ['a param without doc', 'name: mlopsX\ndescription: x\nparams: {a: {type: string}}\n', /needs a doc/],
    [
      'a required param with a default',
      'name: mlopsX\ndescription: x\nparams: {a: {type: string, doc: d, required: true, default: b}}\n',
      /cannot have a default/,
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseStepMeta(text)).toThrow(message);
  });
});

describe('the rendered step metadata the build ships', () => {
  it('equals what rendering the current library/steps gives, hash included', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { readStepTexts, renderSteps, stepsHash, RENDERED_STEPS_FILE } = await import('../../src/library/rendered.js');
    const root = new URL('../..', import.meta.url).pathname;
    const texts = readStepTexts(join(root, 'library', 'steps'));
    const built = JSON.parse(readFileSync(join(root, 'dist', 'library', RENDERED_STEPS_FILE), 'utf8'));
    expect(built.hash).toBe(stepsHash(texts));
    expect(built.steps).toEqual(renderSteps(texts));
  });

  it('falls back to rendering live when the texts changed since the build', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadRenderedSteps } = await import('../../src/library/rendered.js');
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    writeFileSync(join(dir, 'mlopsX.yaml'), 'name: mlopsX\ndescription: a test step\nparams: {}\n');
    expect(loadRenderedSteps(dir).map((s) => s.name)).toEqual(['mlopsX']);
  });
});
