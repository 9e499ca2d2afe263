// Splits one line of a Jenkins cron spec into the tokens Jenkins' own lexer knows: numbers,
// blanks (space or tab), - * / , @ H ( ) and the alias words after `@`. Anything else,
// day and month names included, is refused here exactly as Jenkins refuses it.
import type { CronProblem } from './types.js';

export type TokenKind = 'num' | 'ws' | '-' | '*' | '/' | ',' | '@' | 'H' | '(' | ')' | 'word';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the token in the whole spec. */
  offset: number;
}

export const ALIASES = ['yearly', 'annually', 'monthly', 'weekly', 'daily', 'midnight', 'hourly'];

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH_NAMES = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
];

const SINGLE: Record<string, TokenKind> = {
  '-': '-', '*': '*', '/': '/', ',': ',', '@': '@', '(': '(', ')': ')',
};

function wordProblem(word: string, offset: number): CronProblem {
  const short = word.slice(0, 3).toLowerCase();
  const day = DAY_NAMES.indexOf(short);
  const month = MONTH_NAMES.indexOf(short);
  const base = { offset, length: word.length };
  if (day >= 0 && word.length >= 3) {
    return {
      ...base,
      message: `"${word}": Jenkins cron does not accept day names`,
      hint: `write the day as a number: ${day} for ${word} (0 or 7 is Sunday, 1 is Monday)`,
    };
  }
  if (month >= 0 && word.length >= 3) {
    return {
      ...base,
      message: `"${word}": Jenkins cron does not accept month names`,
      hint: `write the month as a number: ${month + 1} for ${word} (1 is January)`,
    };
  }
  if (ALIASES.includes(word.toLowerCase())) {
    return {
      ...base,
      message: `"${word}": an alias must be written @${word.toLowerCase()}, alone on its line`,
      hint: `write @${word.toLowerCase()} in lower case, alone on its line`,
    };
  }
  return {
    ...base,
    message: `"${word}" is not part of Jenkins cron syntax`,
    hint: 'fields take numbers, *, H, ranges a-b, steps /n and lists a,b; ' +
      'aliases are @yearly @annually @monthly @weekly @daily @midnight @hourly',
  };
}

function charProblem(ch: string, offset: number): CronProblem {
  const hints: Record<string, string> = {
    '?': 'Jenkins has no "?": use * for "any"',
    '#': 'Jenkins has no "n-th weekday of the month" (#); comments must start their own line',
    '.': 'fields take whole numbers only',
  };
  return {
    offset,
    length: 1,
    message: `unexpected character "${ch}" in a Jenkins cron spec`,
    hint: hints[ch] ?? 'fields take numbers, *, H, ranges a-b, steps /n and lists a,b',
  };
}

/** Tokens of `line`, which starts at `base` in the whole spec, or the first bad one. */
export function lex(line: string, base: number): { tokens: Token[] } | { problem: CronProblem } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    const offset = base + i;
    const run = /^([0-9]+|[ \t]+|[A-Za-z]+)/.exec(rest)?.[0];
    if (run === undefined) {
      const kind = SINGLE[rest[0]!];
      if (kind === undefined) return { problem: charProblem(rest[0]!, offset) };
      tokens.push({ kind, text: rest[0]!, offset });
      i += 1;
      continue;
    }
    if (/^[0-9]/.test(run)) tokens.push({ kind: 'num', text: run, offset });
    else if (/^[ \t]/.test(run)) tokens.push({ kind: 'ws', text: run, offset });
    else if (run === 'H') tokens.push({ kind: 'H', text: run, offset });
    else if (ALIASES.includes(run)) tokens.push({ kind: 'word', text: run, offset });
    else return { problem: wordProblem(run, offset) };
    i += run.length;
  }
  return { tokens };
}
