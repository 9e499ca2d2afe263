import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import { listTree, runCli, tempDir } from '../helpers/cli.js';

// Fake secrets are assembled at run time so no scanner mistakes this file for a leak.
const rand = (n: number, seed = 7): string => {
  const abc = 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8cF0xRuL';
  let s = '';
  let x = seed * 2654435761 >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    s += abc[x % abc.length];
  }
  return s;
};
const GH = `gh${'p'}_${rand(36)}`;
const GH_PAT = `github${'_pat'}_${rand(22, 3)}_${rand(59, 5)}`;
const AWS = `AK${'IA'}${'QWERTYUIOPASDFGH'}`;
const SLACK = `xo${'xb'}-${rand(12, 9)}-${rand(24, 11)}`;
const JWT = `ey${'J'}hbGciOiJIUzI1NiJ9.ey${'J'}zdWIiOiIxMjM0NTY3ODkwIn0.${rand(43, 13)}`;
const PEM = `-----BEGIN OPENSSH ${'PRIVATE'} KEY-----`;
const RANDOM_ID = rand(40, 17);
const HF = `h${'f'}_${rand(34, 23)}`;
const AWS_SECRET = rand(40, 29);
const BEARER = rand(32, 31);

const HEAD = 'version: 1\nproject: demo\nscm:\n  url: https://git.example.com/demo.git\n';
const MODELS = 'models:\n  - name: churn\n';

async function problems(text: string): Promise<string[]> {
  const loaded = parseConfigText('mlops.yaml', Buffer.from(text));
  return (await validateConfig(loaded)).map((d) => `${d.line}:${d.col}: ${d.message}`);
}

const SECRET = 'secrets must not be written in mlops.yaml';

describe('secrets written into mlops.yaml are refused at their line:col', () => {
  it.each([
    ['GitHub classic token in a command', `${HEAD}${MODELS}    ci:\n      setup: git clone https://x/${GH}\n`, `8:34: this looks like a GitHub token; ${SECRET}`],
    ['GitHub fine-grained token', `${HEAD}${MODELS}    ci:\n      lint: echo ${GH_PAT}\n`, `8:18: this looks like a GitHub token; ${SECRET}`],
    ['AWS access key id', `${HEAD}${MODELS}    ci:\n      setup: AWS_ACCESS_KEY_ID=${AWS} make\n`, `8:32: this looks like an AWS access key id; ${SECRET}`],
    ['Slack bot token in a comment', `${HEAD}# slack: ${SLACK}\n${MODELS}`, `5:10: this looks like a Slack token; ${SECRET}`],
    ['JWT', `${HEAD}${MODELS}    ci:\n      setup: "curl -H 'Authorization: Bearer ${JWT}' x"\n`, `8:46: this looks like a JSON Web Token; ${SECRET}`],
    ['private key block', `${HEAD}${MODELS}    training:\n      command: |\n        cat > k <<EOF\n        ${PEM}\n        EOF\n`, `10:9: this looks like a private key; ${SECRET}`],
    ['escaped token (found in the value, located at it)', `${HEAD}${MODELS}    ci:\n      lint: "echo g\\x68p_${rand(36, 21)}"\n`, `8:13: models.0.ci.lint looks like it holds a GitHub token; ${SECRET}`],
    ['password in a URL', HEAD.replace('https://git.example.com', 'https://bob:hunter22@git.example.com') + MODELS, `4:8: scm.url looks like it holds a password in a URL (user:password@host); ${SECRET}`],
    ['password= in a command', `${HEAD}${MODELS}    ci:\n      setup: psql "host=db password=s3cr3tPw"\n`, `8:14: models.0.ci.setup looks like it holds a password or token; ${SECRET}`],
    ['--password= option of a client', `${HEAD}${MODELS}    ci:\n      setup: mysql -u app --password=hunter2xyz db\n`, `8:14: models.0.ci.setup looks like it holds a password or token; ${SECRET}`],
    ['AWS secret access key', `${HEAD}${MODELS}    ci:\n      setup: AWS_SECRET_ACCESS_KEY=${AWS_SECRET} make\n`, `8:14: this looks like an AWS secret access key; ${SECRET}`],
    ['Hugging Face token', `${HEAD}${MODELS}    training:\n      command: huggingface-cli login --token ${HF}\n`, `8:46: this looks like a Hugging Face token; ${SECRET}`],
    ['bearer token in a header', `${HEAD}${MODELS}    ci:\n      setup: "curl -H 'Authorization: Bearer ${BEARER}' x"\n`, `8:14: models.0.ci.setup looks like it holds a bearer token; ${SECRET}`],
    ['secret under a secret-named key', `${HEAD}${MODELS}    deploy:\n      target:\n        type: docker\n        apiToken: 9f8e7d6c5b4a\n`, `10:19: models.0.deploy.target.apiToken looks like it holds a password or token; ${SECRET}`],
    ['random string as a credential id', `${HEAD}${MODELS}credentials:\n  reg:\n    id: ${RANDOM_ID}\n    type: string\n`, `9:9: credentials.reg.id looks like it holds a secret value instead of a credential id; ${SECRET}`],
  ])('%s', async (_name, text, want) => {
    expect(await problems(text)).toContain(want);
  });

  it.each([
    ['image digest', `${HEAD}${MODELS}agent:\n  docker:\n    image: python@sha256:${'ab12'.repeat(16)}\n`],
    ['git SHA in a command', `${HEAD}${MODELS}    ci:\n      setup: git checkout ${'0123456789abcdef0123'.repeat(2)}\n`],
    ['URL without userinfo', `${HEAD}${MODELS}    ci:\n      setup: pip install --index-url https://pypi.example.com/simple x\n`],
    ['URL with a user but no password', HEAD.replace('https://git.example.com', 'https://git@git.example.com') + MODELS],
    ['URL with a variable as password', `${HEAD}${MODELS}    ci:\n      setup: git clone https://oauth2:$GIT_TOKEN@x/y.git\n`],
    ['password from an environment variable', `${HEAD}${MODELS}    ci:\n      setup: psql "password=$PGPASSWORD"\n`],
    ['credential id that is a UUID', `${HEAD}${MODELS}credentials:\n  reg:\n    id: 3f2c8a1e-5b7d-4c9e-8f1a-2b3c4d5e6f70\n    type: string\n`],
    ['credential id in CamelCase words', `${HEAD}${MODELS}credentials:\n  reg:\n    id: DockerRegistryRobot2024Prod\n    type: string\n`],
    ['token-named key holding a credential name', `${HEAD}${MODELS}    deploy:\n      target:\n        type: docker\n        apiToken: mlflow-token\n`],
    ['--password= from a quoted variable', `${HEAD}${MODELS}    ci:\n      setup: mysql --password="$DB_PASS" db\n`],
    ['--password= from a variable', `${HEAD}${MODELS}    ci:\n      setup: mysql --password=$X db\n`],
    ['--password= from a ${...} reference', `${HEAD}${MODELS}    ci:\n      setup: mysql --password=\${env.DB_PASS} db\n`],
    ['AWS secret access key from a variable', `${HEAD}${MODELS}    ci:\n      setup: AWS_SECRET_ACCESS_KEY=$AWS_SECRET make\n`],
    ['bearer token from a variable', `${HEAD}${MODELS}    ci:\n      setup: "curl -H \\"Authorization: Bearer \${API_TOKEN}\\" x"\n`],
    ['the word password in prose', `${HEAD}${MODELS}    ci:\n      setup: echo "rotate the password monthly"\n`],
  ])('no false positive: %s', async (_name, text) => {
    expect((await problems(text)).filter((p) => p.includes(SECRET))).toEqual([]);
  });

  it('is reported through the CLI with exit 2 and a hint, without echoing the secret or writing', async () => {
    const dir = tempDir('secret-');
    writeFileSync(join(dir, 'mlops.yaml'), `${HEAD}${MODELS}    ci:\n      setup: git clone https://x/${GH}\n`);
    const before = listTree(dir);
    const r = await runCli(['generate'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `mlops.yaml:8:34: this looks like a GitHub token; ${SECRET}`,
      '  hint: store it in Jenkins (Manage Jenkins > Credentials) as a string (or usernamePassword) '
        + 'credential, declare credentials: { <name>: { id: <its id>, type: ... } } and reference '
        + '<name> here; if it was ever committed, revoke it',
    ]);
    expect(r.stderr + r.stdout).not.toContain(GH.slice(4));
    expect(listTree(dir)).toEqual(before);
  });

  it('is reported even when the file has schema errors too', async () => {
    const got = await problems(`${HEAD}${MODELS}bogus: ${GH}\n`);
    expect(got).toContain(`7:8: this looks like a GitHub token; ${SECRET}`);
    expect(got).toContain('7:1: unknown key "bogus" in the top level');
  });
});
