// No Groovy we ship or generate puts a credential into a shell script's text: secrets reach
// commands only as environment variables read by single-quoted scripts. Checked on the real
// Groovy 2.4.21 AST, with fixtures proving the check catches both ways of getting it wrong.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../harness/run.js';
import { listTree } from '../helpers/cli.js';

const fixtures = join(ROOT, 'test/library/fixtures/credentials');
const groovyLike = (p: string) => /(^|\/)Jenkinsfile$|\.Jenkinsfile$|\.groovy$/.test(p);

const libraryFiles = readdirSync(join(ROOT, 'library/vars'))
  .filter((f) => f.endsWith('.groovy'))
  .map((f) => join(ROOT, 'library/vars', f));
const generatedFiles = readdirSync(join(ROOT, 'examples')).flatMap((example) =>
  listTree(join(ROOT, 'examples', example))
    .filter(groovyLike)
    .map((p) => join(ROOT, 'examples', example, p)),
);
const fixtureFiles = readdirSync(fixtures).map((f) => join(fixtures, f));

let findings: Array<{ file: string; line: number; message: string }> = [];

beforeAll(async () => {
  const files = [...fixtureFiles, ...libraryFiles, ...generatedFiles];
  const r = await execa('groovy', [join(ROOT, 'test/harness/CredentialCheck.groovy'), ...files], {
    env: { JAVA_OPTS: '-XX:+UseSerialGC -XX:TieredStopAtLevel=1' },
  });
  findings = JSON.parse(r.stdout);
});

describe('credentials never interpolated into sh', () => {
  it('the check catches ${TOKEN} and ${env.TOKEN} in a double-quoted sh script', () => {
    const caught = findings.filter((f) => f.file.startsWith(fixtures)).map((f) => [f.file.replace(`${fixtures}/`, ''), f.line]);
    expect(caught.sort()).toEqual([
      ['env-interpolated.fail.groovy', 1],
      ['interpolated.fail.groovy', 2],
    ]);
  });

  it('no library step interpolates a credential', () => {
    expect(libraryFiles.length).toBeGreaterThan(10);
    expect(findings.filter((f) => libraryFiles.includes(f.file))).toEqual([]);
  });

  it('no generated Jenkinsfile or library copy interpolates a credential', () => {
    expect(generatedFiles.some((f) => f.endsWith('cd.Jenkinsfile'))).toBe(true);
    expect(findings.filter((f) => generatedFiles.includes(f.file))).toEqual([]);
  });
});
