import { describe, expect, it } from 'vitest';
import { parseGroovy, walk } from '../../src/lint/blocks.js';
import { tokenize } from '../../src/lint/tokenize.js';

const strings = (src: string) => tokenize(src).filter((t) => t.type === 'string')
  .map((t) => [t.kind, t.value, (t.interpolations ?? []).map((i) => i.expr)]);

describe('tokenize: every Groovy string form', () => {
  it.each([
    ["'a ${b}'", [['single', 'a ${b}', []]]],
    ['"a ${b.c} $d.e \\${f}"', [['double', 'a ${b.c} $d.e ${f}', ['b.c', 'd.e']]]],
    ["'TZ=UTC\\nH \\u0031 \\' \\\\'", [['single', "TZ=UTC\nH 1 ' \\", []]]],
    ['"""x "q" ${ "in${y}" }"""', [['tripleDouble', 'x "q" ${ "in${y}" }', ['"in${y}"']]]],
    ["'''it's\n{'''", [['tripleSingle', "it's\n{", []]]],
    ['x = /a{b\\/c$d/', [['slashy', 'a{b/c$d', ['d']]]],
    ['x = $/a $$ {/ ${e}/$', [['dollarSlashy', 'a $$ {/ ${e}', ['e']]]],
    ['y = a / b / c', []],
    ['"${m[\'k\']}"', [['double', "${m['k']}", ["m['k']"]]]],
  ])('%s', (src, want) => {
    expect(strings(src)).toEqual(want);
  });

  it('skips comments and a shebang, and keeps 1-based positions', () => {
    const toks = tokenize("#!/usr/bin/env groovy\n/* { */ a // }\n  'b'").filter((t) =>
      t.type !== 'newline');
    expect(toks.map((t) => [t.text, t.line, t.col])).toEqual([['a', 2, 9], ["'b'", 3, 3]]);
  });
});

describe('parseGroovy: block structure', () => {
  it('is not fooled by braces in strings, comments and regexes', () => {
    const src = [
      'pipeline {',
      "  environment { A = '}' ; B = \"${x.collect { it }}\" }",
      '  // }',
      '  stages {',
      "    stage('s') { steps { sh(/echo {/); sh $/}/$ } }",
      '  }',
      '}',
    ].join('\n');
    const names = [...walk(parseGroovy(src).statements)].map(({ stmt, parents }) =>
      [...parents.map((p) => p.name), stmt.name].join('/'));
    expect(names).toEqual(['pipeline', 'pipeline/environment', 'pipeline/environment/A',
      'pipeline/environment/B', 'pipeline/stages', 'pipeline/stages/stage',
      'pipeline/stages/stage/steps', 'pipeline/stages/stage/steps/sh',
      'pipeline/stages/stage/steps/sh']);
  });

  it('joins continued lines and keeps if/else as one statement', () => {
    const src = "x = a +\n  b\nfoo()\n  .bar()\nif (c) {\n  d()\n} else {\n  e()\n}\nlast()\n";
    expect(parseGroovy(src).statements.map((s) => s.name)).toEqual(['x', 'foo', 'if', 'last']);
  });
});
