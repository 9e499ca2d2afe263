import { describe, expect, it } from 'vitest';
import { checkCron } from '../../src/cron/index.js';

// Specs Jenkins' CronTabList accepts.
const valid = [
  'H 3 * * 1',
  'H/15 * * * *',
  'H(0-7) H(0-7) * * *',
  'H(0-29)/10 * * * *',
  '*/5 * * * *',
  '0 9-17/2 * * 1-5',
  '15,45 1,13 1,15 1-12 0,7',
  '59 23 31 12 7',
  '0 0 1 1 0',
  '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly',
  'TZ=Europe/Paris\nH 3 * * *',
  'TZ=UTC\n@daily',
  '# nightly\nH 2 * * *\n\n# and weekly\nH 4 * * 6',
  '  H 3 * * 1  ',
  'H\t3\t*\t*\t1',
  'H  3  *  *  1',
  'H 3 * * 1\r\nH 4 * * 2',
  'H/1 * * * *',
  'H(3-3) * * * *',
  '# only a comment',
];

describe('checkCron accepts what Jenkins accepts', () => {
  it.each(valid)('%j', (spec) => {
    expect(checkCron(spec)).toEqual({ ok: true });
  });
});

// [spec, offset, length, part of the message]
const invalid: [string, number, number, string][] = [
  ['* * * *', 0, 7, '4 fields where Jenkins needs five'],
  ['H', 0, 1, '1 field where'],
  ['1 2 3 4 5 6', 10, 1, 'more than five fields'],
  ['60 * * * *', 0, 2, 'minute 60 is out of range'],
  ['0 24 * * *', 2, 2, 'hour 24 is out of range'],
  ['0 0 0 * *', 4, 1, 'day of month 0 is out of range'],
  ['0 0 32 * *', 4, 2, 'day of month 32 is out of range'],
  ['0 0 * 13 *', 6, 2, 'month 13 is out of range'],
  ['0 0 * 0 *', 6, 1, 'month 0 is out of range'],
  ['0 0 * * 8', 8, 1, 'day of week 8 is out of range'],
  ['0 0 * * MON', 8, 3, 'does not accept day names'],
  ['0 0 * * mon-fri', 8, 3, 'does not accept day names'],
  ['0 0 1 JAN *', 6, 3, 'does not accept month names'],
  ['0 0 1 december *', 6, 8, 'does not accept month names'],
  ['5-1 * * * *', 0, 3, 'range 5-1 runs backwards'],
  ['*/0 * * * *', 2, 1, 'step must be positive'],
  ['1-5/0 * * * *', 4, 1, 'step must be positive'],
  ['H/0 * * * *', 2, 1, 'step must be positive'],
  ['H(0-7)/10 * * * *', 7, 2, 'step 10 is larger than the 8 values'],
  ['H/61 * * * *', 2, 2, 'step 61 is larger than the 60 values'],
  ['* * H/29 * *', 6, 2, 'step 29 is larger than the 28 values'],
  ['H(5-3) * * * *', 0, 6, 'H(5-3) runs backwards'],
  ['H(0-60) * * * *', 4, 2, 'minute 60 is out of range'],
  ['H(0-7 * * * *', 5, 1, 'expected ")" closing H(a-b)'],
  ['0 0 ? * *', 4, 1, 'unexpected character "?"'],
  ['0 0 * * 5#3', 9, 1, 'unexpected character "#"'],
  ['0 0 L * *', 4, 1, '"L" is not part of Jenkins cron syntax'],
  ['h * * * *', 0, 1, '"h" is not part of Jenkins cron syntax'],
  ['1,,2 * * * *', 2, 1, 'expected a number, * or H'],
  ['1, 2 * * * *', 2, 1, 'expected a number, * or H'],
  ['@', 1, 0, 'expected an alias after "@"'],
  ['@reboot', 1, 6, '"reboot" is not part of Jenkins cron syntax'],
  ['@Daily', 1, 5, 'an alias must be written @daily'],
  ['daily', 0, 5, 'expected a number, * or H'],
  ['@daily 5', 7, 1, 'nothing may follow @daily'],
  ['TZ=Mars/Olympus\n@daily', 3, 12, 'unknown time zone "Mars/Olympus"'],
  ['TZ=europe/paris\n@daily', 3, 12, 'unknown time zone'],
  ['@daily\nTZ=UTC', 7, 6, 'TZ= is only read on the first line'],
  ['H 3 * * 1\n  99 * * * *', 12, 2, 'minute 99 is out of range'],
  ['H 3 * * 1\r\n99 * * * *', 11, 2, 'minute 99 is out of range'],
  ['99999999999 * * * *', 0, 11, 'out of range'],
  ['5/15 * * * *', 1, 1, 'a step needs a range, * or H before it'],
];

describe('checkCron refuses what Jenkins refuses, at the bad token', () => {
  it.each(invalid)('%j', (spec, offset, length, message) => {
    const result = checkCron(spec);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error).toMatchObject({ offset, length });
    expect(error!.message).toContain(message);
    expect(error!.hint.length).toBeGreaterThan(10);
  });

  it('reports every bad line, not only the first', () => {
    const result = checkCron('61 * * * *\nH 3 * * 1\n0 0 * * SUN');
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ offset: 0, length: 2 }),
        expect.objectContaining({ offset: 29, length: 3, message: expect.stringContaining('SUN') }),
      ],
    });
  });

  it('tells which number to write for a day name', () => {
    const result = checkCron('0 0 * * FRI');
    expect(result.ok ? '' : result.errors[0]!.hint).toContain('5 for FRI');
  });
});
