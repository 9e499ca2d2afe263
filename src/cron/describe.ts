// Says in plain words when a valid Jenkins cron spec fires, with every `H` resolved the way
// Jenkins resolves it for the named job.
import { jenkinsHash } from './hash.js';
import { parseCron } from './parse.js';
import type { CronLine } from './types.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
];

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Runs of three or more consecutive values become "a to b". */
function runs(values: number[], name: (v: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${name(values[i]!)} to ${name(values[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(name(values[k]!));
    i = j + 1;
  }
  return joinWords(parts);
}

function every(values: number[], low: number, high: number): boolean {
  return values.length === high - low + 1;
}

/** The common gap of an arithmetic sequence of at least three values, if it is one. */
function stride(values: number[]): number | undefined {
  if (values.length < 2) return undefined;
  const gap = values[1]! - values[0]!;
  return values.every((v, i) => i === 0 || v - values[i - 1]! === gap) ? gap : undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function timeOfDay(line: CronLine): string {
  const { minutes, hours } = line;
  const allHours = every(hours, 0, 23);
  if (every(minutes, 0, 59)) {
    return allHours ? 'every minute' : `every minute of hour ${runs(hours, String)}`;
  }
  if (minutes.length * hours.length <= 4) {
    const times = hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`));
    return `at ${joinWords(times)}`;
  }
  const gap = stride(minutes);
  const mins = gap !== undefined && minutes[0]! < gap && minutes[minutes.length - 1]! + gap > 59
    ? `every ${gap} minutes (minute ${joinWords(minutes.map(String))})`
    : `at minute ${runs(minutes, String)}`;
  return allHours ? `${mins} of every hour` : `${mins} past hour ${runs(hours, String)}`;
}

function days(line: CronLine): string {
  const dom = !every(line.daysOfMonth, 1, 31);
  const dow = !every(line.daysOfWeek, 0, 6);
  const weekdays = runs(line.daysOfWeek, (d) => DAYS[d]!);
  const monthDays = `day ${runs(line.daysOfMonth, String)} of the month`;
  // Jenkins fires only when both day fields match (plain cron fires when either does).
  if (dom && dow) return `on ${monthDays}, only when that is a ${weekdays}`;
  if (dom) return `on ${monthDays}`;
  if (dow) return `on ${weekdays}`;
  return 'every day';
}

function months(line: CronLine): string {
  return every(line.months, 1, 12) ? '' : ` in ${runs(line.months, (m) => MONTHS[m - 1]!)}`;
}

function perDay(line: CronLine): string {
  const n = line.minutes.length * line.hours.length;
  return n > 1 ? ` (${n} runs a day)` : '';
}

/** One sentence per schedule line, e.g. "at 03:17 on Monday (controller time)". */
export function describeLines(spec: string, jobFullName: string): string[] {
  const parsed = parseCron(spec, jenkinsHash(jobFullName));
  if (!parsed.spec) {
    throw new Error(`not a valid Jenkins cron spec: ${parsed.errors[0]?.message ?? spec}`);
  }
  const zone = parsed.spec.timezone
    ? `${parsed.spec.timezone} time`
    : "the Jenkins controller's time zone";
  return parsed.spec.lines.map((line) => {
    const time = timeOfDay(line);
    let day = days(line);
    const daily = day === 'every day' && months(line) === '' ? perDay(line) : '';
    if (day === 'every day' && (time.endsWith('every hour') || time === 'every minute')) day = '';
    return `${[time, day].filter(Boolean).join(' ')}${months(line)}${daily}, ${zone}`;
  });
}

/**
 * When `spec` fires, in plain words, for the Jenkins job `jobFullName` (folder/job: the
 * name seeds `H`). Throws when the spec is invalid: call `checkCron` first.
 */
export function describeCron(spec: string, jobFullName: string): string {
  const lines = describeLines(spec, jobFullName);
  if (lines.length === 0) return 'never: the schedule has no lines, only comments';
  return lines.join('; and ');
}
