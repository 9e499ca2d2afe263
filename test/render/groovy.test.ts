import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groovyKey, groovyMultiline, groovyString, groovyValue } from '../../src/render/groovy.js';

const hostile = [
  '', 'plain', "it's", 'back\\slash', '$HOME', '${System.exit(1)}', '"""', "'''", "\\'", '\\',
  'line\nbreak', 'tab\there', 'cr\rlf', '*/ /* // ', 'unicode: é ü 字 😀', 'nul\u0000byte',
  'bell\u0007', 'del\u007f', 'sep\u2028\u2029', '#{x}', '\\u0041', "end with quote'", 'end with \\',
];

/** Evaluates Groovy literals with the real Groovy and returns their code points. */
async function evalGroovy(literals: string[]): Promise<number[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'groovy-eval-'));
  const body = literals.map((l) => `out << ((${l}) as String).collect { (int) it.charAt(0) }`).join('\n');
  writeFileSync(join(dir, 'eval.groovy'), `def out = []\n${body}\nprintln groovy.json.JsonOutput.toJson(out)\n`);
  const r = await execa('groovy', [join(dir, 'eval.groovy')]);
  return JSON.parse(r.stdout) as number[][];
}

const utf16 = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('groovyString and groovyMultiline evaluate to exactly the input in Groovy 2.4.21', () => {
  it('round-trips hostile strings', async () => {
    const lits = [...hostile.map(groovyString), ...hostile.map(groovyMultiline)];
    const got = await evalGroovy(lits);
    expect(got).toEqual([...hostile, ...hostile].map(utf16));
  });

  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['$x ${y}', "'$x ${y}'"],
    ['a\nb', "'a\\nb'"],
    ['é', "'\\u00e9'"],
  ])('%j -> %s', (input, want) => {
    expect(groovyString(input)).toBe(want);
  });
});

describe('groovyValue', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [3, '3'],
    [0.85, '0.85d'],
    [[], '[]'],
    [{}, '[:]'],
    [{ a: 1, 'b-c': 'x', class: 2 }, "[a: 1, 'b-c': 'x', 'class': 2]"],
    [['a', ['b']], "['a', ['b']]"],
  ])('%j -> %s', (input, want) => {
    expect(groovyValue(input)).toBe(want);
  });

  it('breaks long maps over lines with trailing commas, nested by two spaces', () => {
    const v = { model: 'm', image: { name: 'x'.repeat(60), context: 'y'.repeat(40) } };
    expect(groovyValue(v, 4, 60)).toBe(
      `[\n      model: 'm',\n      image: [\n        name: '${'x'.repeat(60)}',\n        context: '${'y'.repeat(40)}',\n      ],\n    ]`,
    );
  });

  it('refuses values that have no literal', () => {
    expect(() => groovyValue(Number.NaN)).toThrow();
    expect(() => groovyValue(() => 1)).toThrow();
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(groovyKey('name')).toBe('name');
    expect(groovyKey('in')).toBe("'in'");
    expect(groovyKey("a'b")).toBe("'a\\'b'");
  });
});
