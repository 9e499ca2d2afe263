import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeCron, jenkinsHash } from '../../src/cron/index.js';

// Jenkins' hudson.scheduler.Hash.from, written out in Java terms and run by the JVM: the
// MD5 of the job name folded to a long seeds java.util.Random. The TypeScript port must
// draw the same numbers, or `validate` would announce times Jenkins never uses.
const JAVA_DRAWS = `
import java.security.MessageDigest
def bounds = [60, 24, 28, 12, 7, 15, 3, 16, 64, 1, 8, 30]
for (name in args) {
  byte[] d = MessageDigest.getInstance('MD5').digest(name.getBytes('UTF-8'))
  for (int i = 8; i < d.length; i++) d[i % 8] = (byte) (d[i % 8] ^ d[i])
  long seed = 0
  for (int i = 0; i < 8; i++) seed = (seed << 8) + (d[i] & 0xFF)
  def rnd = new Random(seed)
  println(bounds.collect { rnd.nextInt(it) }.join(' '))
}
`;
const BOUNDS = [60, 24, 28, 12, 7, 15, 3, 16, 64, 1, 8, 30];
const NAMES = ['fraud/ct-churn', 'ct-churn', 'a', '', 'folder/sub/job-ünïcode', 'x'.repeat(300)];

describe('jenkinsHash', () => {
  it('draws what java.util.Random draws for the same job names', () => {
    const java = spawnSync('groovy', ['-e', JAVA_DRAWS, ...NAMES], { encoding: 'utf8' });
    expect(java.stderr).toBe('');
    expect(java.status).toBe(0);
    const ours = NAMES.map((name) => {
      const hash = jenkinsHash(name);
      return BOUNDS.map((n) => hash.next(n)).join(' ');
    });
    expect(java.stdout.trim().split('\n')).toEqual(ours);
  });
});

const HOME_TZ = "the Jenkins controller's time zone";

// [spec, job, expected words]; H values come from the hash checked against Java above.
const cases: [string, string, string][] = [
  ['H 3 * * 1', 'fraud/ct-churn', `at 03:23 on Monday, ${HOME_TZ}`],
  ['0 3 * * 1-5', 'any', `at 03:00 on Monday to Friday, ${HOME_TZ}`],
  ['30 2 * * *', 'any', `at 02:30 every day, ${HOME_TZ}`],
  ['0 0,12 * * *', 'any', `at 00:00 and 12:00 every day (2 runs a day), ${HOME_TZ}`],
  ['*/20 * * * *', 'any',
    `every 20 minutes (minute 0, 20 and 40) of every hour (72 runs a day), ${HOME_TZ}`],
  ['* * * * *', 'any', `every minute (1440 runs a day), ${HOME_TZ}`],
  ['0 9-17/4 * * *', 'any',
    `at 09:00, 13:00 and 17:00 every day (3 runs a day), ${HOME_TZ}`],
  ['0 9-17/2 * * *', 'any',
    `at minute 0 past hour 9, 11, 13, 15 and 17 every day (5 runs a day), ${HOME_TZ}`],
  ['H H(0-7) * * *', 'fraud/ct-churn', `at 01:23 every day, ${HOME_TZ}`],
  ['0 6 1,15 * *', 'any', `at 06:00 on day 1 and 15 of the month, ${HOME_TZ}`],
  ['0 6 13 * 5', 'any',
    `at 06:00 on day 13 of the month, only when that is a Friday, ${HOME_TZ}`],
  ['0 6 1 1,7 *', 'any', `at 06:00 on day 1 of the month in January and July, ${HOME_TZ}`],
  ['0 6 * * 7', 'any', `at 06:00 on Sunday, ${HOME_TZ}`],
  ['TZ=Europe/Paris\n0 6 * * 0,6', 'any', 'at 06:00 on Sunday and Saturday, Europe/Paris time'],
  ['0 1 * * *\n0 2 * * 6', 'any',
    `at 01:00 every day, ${HOME_TZ}; and at 02:00 on Saturday, ${HOME_TZ}`],
  ['# nothing yet', 'any', 'never: the schedule has no lines, only comments'],
];

describe('describeCron', () => {
  it.each(cases)('%j for %j', (spec, job, words) => {
    expect(describeCron(spec, job)).toBe(words);
  });

  it('resolves H the same way every time for one job, differently across jobs', () => {
    const spec = '@daily\nH/15 * * * *\nH(0-7) H * * H';
    expect(describeCron(spec, 'p/ct-a')).toBe(describeCron(spec, 'p/ct-a'));
    const jobs = ['p/ct-a', 'p/ct-b', 'p/ct-c', 'p/ct-d'];
    const times = new Set(jobs.map((j) => describeCron(spec, j)));
    expect(times.size).toBeGreaterThan(1);
  });

  it('keeps @midnight between 00:00 and 02:59', () => {
    for (const job of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      expect(describeCron('@midnight', job)).toMatch(/^at 0[0-2]:[0-5][0-9] every day,/);
    }
  });

  it('refuses an invalid spec instead of describing it', () => {
    expect(() => describeCron('0 0 * * MON', 'a')).toThrow(/day names/);
  });
});
