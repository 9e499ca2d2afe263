/**
 * The cron check the lint uses, behind one function so the implementation can be swapped for
 * the project's full Jenkins cron parser without touching the rule.
 */
export interface CronProblem {
  /** 1-based line within the spec (a trigger spec may hold several lines). */
  line: number;
  message: string;
  hint: string;
}

export type CronValidator = (spec: string) => CronProblem[];

const aliases = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const fields: { name: string; min: number; max: number }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

/**
 * Jenkins' cron dialect: five fields of `*`, `H`, `H(a-b)`, numbers, ranges, `/step` and
 * comma lists, or an alias (`@daily`...); blank lines, `#` comments and `TZ=` lines allowed.
 * Limitation: a minimal check (field count, syntax, ranges); it does not reject schedules that
 * can never fire, such as February 30th.
 */
export const validateCron: CronValidator = (spec) => {
  const problems: CronProblem[] = [];
  spec.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^TZ\s*=/.test(line)) return;
    if (line.startsWith('@')) {
      if (!aliases.includes(line)) {
        problems.push({ line: i + 1, message: `unknown cron alias \`${line}\``,
          hint: `use one of ${aliases.join(', ')} or five fields` });
      }
      return;
    }
    const parts = line.split(/\s+/);
    if (parts.length !== 5) {
      problems.push({ line: i + 1, message: `cron line \`${line}\` has ${parts.length} fields,`
        + ' expected 5 (minute hour day-of-month month day-of-week)',
      hint: "e.g. 'H 2 * * *' runs once a night at a hashed minute" });
      return;
    }
    parts.forEach((part, f) => {
      const field = fields[f] as (typeof fields)[number];
      for (const item of part.split(',')) {
        const err = checkItem(item, field.min, field.max);
        if (err) {
          problems.push({ line: i + 1, message: `invalid ${field.name} \`${item}\` in \`${line}\``
            + `: ${err}`, hint: `${field.name} takes ${field.min}-${field.max}, *, H, H(a-b), `
            + 'a-b, /step or a comma list' });
        }
      }
    });
  });
  return problems;
};

function checkItem(item: string, min: number, max: number): string | undefined {
  const m = /^(\*|H(?:\((\d+)-(\d+)\))?|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
  if (!m) return 'not a cron expression';
  const nums = [m[2], m[3], m[4], m[5]].filter((x): x is string => x !== undefined).map(Number);
  if (nums.some((n) => n < min || n > max)) return `out of range ${min}-${max}`;
  if (m[2] !== undefined && Number(m[2]) > Number(m[3])) return 'range start after its end';
  if (m[5] !== undefined && Number(m[4]) > Number(m[5])) return 'range start after its end';
  if (m[6] !== undefined && Number(m[6]) < 1) return 'step must be at least 1';
  if (m[6] !== undefined && m[4] !== undefined && m[5] === undefined) {
    return 'a step needs a range, * or H before it';
  }
  return undefined;
}
