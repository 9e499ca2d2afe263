// A Jenkins cron spec, parsed the way hudson.scheduler.CronTabList does: lines split on
// \r?\n and trimmed; an optional `TZ=` first line; blank and `#` lines skipped; every other
// line is five blank-separated fields or one @alias. Jenkins stops at the first bad line;
// here every line is checked so one run of `validate` reports all of them.
import { type HashSource, zeroHash } from './hash.js';
import { ALIASES, lex, type Token } from './lex.js';
import { isJenkinsTimeZone } from './timezones.js';
import type { CronLine, CronProblem, CronSpec } from './types.js';

export const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];
const LOW = [0, 0, 1, 1, 0];
const HIGH = [59, 23, 31, 12, 7];
// `H` alone never picks days 29-31 (not in every month) nor 7 (Sunday is already 0).
const HASH_HIGH = [59, 23, 28, 12, 6];

// What each alias means in Jenkins; the H in them is hashed like any other.
const ALIAS_SPECS: Record<string, string> = {
  yearly: 'H H H H *',
  annually: 'H H H H *',
  monthly: 'H H H * *',
  weekly: 'H H * * H',
  daily: 'H H * * *',
  midnight: 'H H(0-2) * * *',
  hourly: 'H * * * *',
};

const FIELDS_HINT =
  'write five fields: minute hour day-of-month month day-of-week, e.g. "H 3 * * 1"';

class Bad extends Error {
  constructor(readonly problem: CronProblem) {
    super(problem.message);
  }
}

type Where = { offset: number; length: number } | Token;

function fail(at: Where, message: string, hint: string): never {
  const length = 'text' in at ? at.text.length : at.length;
  throw new Bad({ offset: at.offset, length, message, hint });
}

function span(from: Token, to: Token): { offset: number; length: number } {
  return { offset: from.offset, length: to.offset + to.text.length - from.offset };
}

/** Recursive descent over one line's tokens, mirroring Jenkins' grammar rule by rule. */
class LineParser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly hash: HashSource,
    private readonly end: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private here(): { offset: number; length: number } {
    const t = this.peek();
    return t ? { offset: t.offset, length: t.text.length } : { offset: this.end, length: 0 };
  }

  private take(kind: Token['kind'], what: string, field: number): Token {
    const t = this.peek();
    if (t?.kind !== kind) {
      const found = t ? `"${t.text.trim() || 'a blank'}"` : 'the end of the line';
      fail(this.here(), `${FIELD_NAMES[field]} field: expected ${what}, found ${found}`,
        FIELDS_HINT);
    }
    this.pos++;
    return t;
  }

  /** What is left of the line after the blanks that follow the current position. */
  private rest(): { offset: number; length: number } | undefined {
    let t = this.peek();
    if (t?.kind === 'ws') t = this.tokens[this.pos + 1];
    return t ? { offset: t.offset, length: this.end - t.offset } : undefined;
  }

  private number(field: number): { token: Token; value: number } {
    const token = this.take('num', 'a number', field);
    return { token, value: Number(token.text) };
  }

  private checkRange(token: Token, value: number, field: number): void {
    if (value < LOW[field]! || value > HIGH[field]!) {
      fail(token, `${FIELD_NAMES[field]} ${token.text} is out of range`,
        `a ${FIELD_NAMES[field]} is between ${LOW[field]} and ${HIGH[field]}`);
    }
  }

  private step(field: number): { token: Token; value: number } | undefined {
    if (this.peek()?.kind !== '/') return undefined;
    this.pos++;
    const step = this.number(field);
    if (step.value <= 0) fail(step.token, `step must be positive, found ${step.token.text}`,
      'write a step of 1 or more, e.g. H/15');
    return step;
  }

  private range(lo: number, hi: number, step: number, into: Set<number>): void {
    for (let v = lo; v <= hi; v += step) into.add(v);
  }

  private hashed(lo: number, hi: number, step: { token: Token; value: number } | undefined,
    into: Set<number>, field: number): void {
    const s = step?.value ?? 1;
    if (s > hi - lo + 1) {
      fail(step!.token, `step ${s} is larger than the ${hi - lo + 1} values of the range`,
        `use a step between 1 and ${hi - lo + 1} in the ${FIELD_NAMES[field]} field`);
    }
    // Jenkins reads H/1 like H: one value, not every value.
    if (s === 1) {
      into.add(lo + this.hash.next(hi + 1 - lo));
      return;
    }
    this.range(lo + this.hash.next(s), hi, s, into);
  }

  private term(field: number, into: Set<number>): void {
    const t = this.peek();
    if (t?.kind === 'num') {
      const start = this.number(field);
      if (this.peek()?.kind === '/') {
        fail(this.here(), `${FIELD_NAMES[field]} field: a step needs a range, * or H before it`,
          `write ${start.value}-${HIGH[field]}/n, */n or H/n`);
      }
      if (this.peek()?.kind !== '-') {
        this.checkRange(start.token, start.value, field);
        into.add(start.value);
        return;
      }
      this.pos++;
      const end = this.number(field);
      this.checkRange(start.token, start.value, field);
      this.checkRange(end.token, end.value, field);
      const step = this.step(field);
      if (start.value > end.value) {
        fail(span(start.token, end.token), `range ${start.value}-${end.value} runs backwards`,
          `write ${end.value}-${start.value}, or a list to wrap around`);
      }
      this.range(start.value, end.value, step?.value ?? 1, into);
      return;
    }
    if (t?.kind === '*') {
      this.pos++;
      const step = this.step(field);
      this.range(LOW[field]!, HIGH[field]!, step?.value ?? 1, into);
      return;
    }
    if (t?.kind === 'H') {
      this.pos++;
      if (this.peek()?.kind !== '(') {
        this.hashed(LOW[field]!, HASH_HIGH[field]!, this.step(field), into, field);
        return;
      }
      this.pos++;
      const start = this.number(field);
      this.take('-', '"-" inside H(a-b)', field);
      const end = this.number(field);
      const close = this.take(')', '")" closing H(a-b)', field);
      this.checkRange(start.token, start.value, field);
      this.checkRange(end.token, end.value, field);
      if (start.value > end.value) {
        fail(span(t, close), `H(${start.value}-${end.value}) runs backwards`,
          `write H(${end.value}-${start.value})`);
      }
      this.hashed(start.value, end.value, this.step(field), into, field);
      return;
    }
    this.take('num', 'a number, * or H', field);
  }

  /** expr := term ("," term)* */
  field(field: number): number[] {
    const into = new Set<number>();
    this.term(field, into);
    while (this.peek()?.kind === ',') {
      this.pos++;
      this.term(field, into);
    }
    if (field === 4 && into.delete(7)) into.add(0);
    return [...into].sort((a, b) => a - b);
  }

  /** line := field (ws field){4} | "@" alias */
  line(text: string, offset: number): CronLine {
    const first = this.peek();
    if (first?.kind === '@') {
      this.pos++;
      const word = this.peek();
      if (word?.kind !== 'word') {
        fail(this.here(), 'expected an alias after "@"', `use one of @${ALIASES.join(' @')}`);
      }
      this.pos++;
      // Jenkins ignores what follows an alias; refusing it catches "@daily 3" typos.
      const extra = this.rest();
      if (extra) {
        fail(extra, `nothing may follow @${word.text}`,
          `write @${word.text} alone, or five fields`);
      }
      const expanded = ALIAS_SPECS[word.text]!;
      const inner = lex(expanded, 0);
      if (!('tokens' in inner)) throw new Error('alias expansion must lex');
      return new LineParser(inner.tokens, this.hash, expanded.length).line(text, offset);
    }
    const values: number[][] = [];
    for (let field = 0; field < 5; field++) {
      if (field > 0) {
        if (this.peek() === undefined) {
          fail({ offset, length: this.end - offset },
            `${field} field${field === 1 ? '' : 's'} where Jenkins needs five`, FIELDS_HINT);
        }
        this.take('ws', 'a blank between fields', field - 1);
      }
      values.push(this.field(field));
    }
    const extra = this.rest();
    if (extra) {
      fail(extra, 'more than five fields', `${FIELDS_HINT}; Jenkins has no seconds or year field`);
    }
    const [minutes, hours, daysOfMonth, months, daysOfWeek] = values as [
      number[], number[], number[], number[], number[]];
    return { text, offset, minutes, hours, daysOfMonth, months, daysOfWeek };
  }
}

// Java's String.trim(): strips every char up to U+0020 at both ends.
function javaTrim(s: string): { text: string; start: number } {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return { text: s.slice(a, b), start: a };
}

export interface ParseResult {
  spec?: CronSpec;
  errors: CronProblem[];
}

/**
 * Parses `text` as Jenkins would. `hash` resolves `H` (one sequence for the whole spec,
 * drawn left to right, line after line); the default picks the lowest values, which is
 * all validation needs because validity never depends on the hash.
 */
export function parseCron(text: string, hash: HashSource = zeroHash): ParseResult {
  const errors: CronProblem[] = [];
  const spec: CronSpec = { lines: [] };
  const re = /\r?\n/g;
  let start = 0;
  let lineNo = 0;
  for (;;) {
    const m = re.exec(text);
    const raw = text.slice(start, m ? m.index : text.length);
    lineNo++;
    const { text: line, start: lead } = javaTrim(raw);
    const offset = start + lead;
    if (lineNo === 1 && line.startsWith('TZ=')) {
      // Jenkins removes every "TZ=" in the line, then wants an exact java.util.TimeZone id.
      const id = line.replaceAll('TZ=', '');
      if (isJenkinsTimeZone(id)) spec.timezone = id;
      else {
        errors.push({
          offset: offset + 3,
          length: Math.max(line.length - 3, 0),
          message: `unknown time zone "${id}"`,
          hint: 'write an id such as TZ=Europe/Paris or TZ=UTC (exact case)',
        });
      }
    } else if (line !== '' && !line.startsWith('#')) {
      const lexed = lex(line, offset);
      if ('problem' in lexed) {
        if (line.startsWith('TZ=')) {
          errors.push({
            offset, length: line.length, message: 'TZ= is only read on the first line',
            hint: 'move the TZ= line to the top of the schedule',
          });
        } else errors.push(lexed.problem);
      } else {
        try {
          spec.lines.push(new LineParser(lexed.tokens, hash, offset + line.length)
            .line(line, offset));
        } catch (e) {
          if (!(e instanceof Bad)) throw e;
          errors.push(e.problem);
        }
      }
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  return errors.length > 0 ? { errors } : { spec, errors };
}
