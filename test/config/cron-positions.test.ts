// Cron problems are reported where they are written in mlops.yaml, whatever the YAML form.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';

const head = 'version: 1\nproject: p\nscm:\n  url: https://git.example.com/p.git\nmodels:\n  - name: churn\n    training:\n' +
  '      command: python train.py\n    triggers:\n';

async function problems(triggers: string) {
  const text = head + triggers;
  const cfg = parseConfigText('mlops.yaml', new TextEncoder().encode(text));
  return (await validateConfig(cfg)).map((d) => `${d.line}:${d.col} ${d.message}`);
}

describe('cron errors point at the bad token', () => {
  it.each([
    ['plain', '      schedule: H 3 * * MON\n', '10:25 invalid Jenkins cron: "MON": Jenkins cron does not accept day names'],
    ['single-quoted', "      schedule: 'H 61 * * 1'\n", '10:20 invalid Jenkins cron: hour 61 is out of range'],
    ['double-quoted with \\n', '      schedule: "TZ=Europe/Paris\\nH 1 * * 8"\n',
      '10:43 invalid Jenkins cron: day of week 8 is out of range'],
    ['literal block', '      schedule: |\n        TZ=UTC\n        H 1 * *\n',
      '12:9 invalid Jenkins cron: 4 fields where Jenkins needs five'],
    ['data poll', '      data:\n        type: path\n        source: data\n        poll: H/0 * * * *\n',
      '13:17 invalid Jenkins cron: step must be positive, found 0'],
    ['metric poll', '      metric:\n        source: command\n        command: echo 1\n' +
      '        threshold: 1\n        poll: "*/15 * * JAN *"\n',
      '14:25 invalid Jenkins cron: "JAN": Jenkins cron does not accept month names'],
  ])('%s', async (_form, yaml, want) => {
    expect(await problems(yaml)).toEqual([want]);
  });

  it('accepts valid specs in every trigger', async () => {
    expect(await problems('      schedule: "@daily"\n      data:\n        type: s3\n' +
      '        source: s3://b/p/\n        poll: H/15 * * * *\n')).toEqual([]);
  });
});
