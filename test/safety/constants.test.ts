import { describe, expect, it } from 'vitest';
import { groovyConstants } from './groovy-constants.js';

describe('groovyConstants (the instrument the escaping tests rely on)', () => {
  it('returns literal values, GStrings and shell interpolation, and parse errors', async () => {
    const [a, b] = await groovyConstants([
      [
        "def x = 'a\\'b\\u0000c'",
        'sh(script: "echo ${params.X}")',
        "sh 'ok'",
        'sh(label: "l${x}", script: x)',
        "sh(script: 'a' + x)",
        'sh params.CMD',
        "withCredentials([]) { sh \"curl -u ${env.USER}\" }",
      ].join('\n'),
      'def (',
    ]);
    expect(a!.error).toBeNull();
    expect(a!.strings).toContain("a'b\u0000c");
    expect(a!.gstrings).toEqual(['echo $params.X', 'l$x', 'curl -u $env.USER']);
    expect(a!.shellInterpolation.map((s) => s.line)).toEqual([2, 5, 6, 7]);
    expect(b!.error).toMatch(/unexpected/);
  });
});
