// Maps an offset inside a string value back to its line and column in mlops.yaml, so a
// problem found inside a value (a bad cron field) is reported where it is written, not at
// the start of the value. Plain, quoted and literal block scalars are mapped; anything the
// mapping cannot follow falls back to the start of the value.
import { isScalar, Scalar } from 'yaml';
import type { LoadedConfig } from './load.js';
import type { Position } from './positions.js';

/** Source offset of each character of a double-quoted scalar's value, or undefined. */
function doubleQuoted(source: string, value: string): number[] | undefined {
  const starts: number[] = [];
  let i = 1;
  while (i < source.length - 1 && starts.length < value.length) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      const len = e === 'x' ? 4 : e === 'u' ? 6 : e === 'U' ? 10 : 2;
      if (e === '\n') {
        i += 2;
        while (source[i] === ' ' || source[i] === '\t') i++;
        continue;
      }
      starts.push(i);
      i += len;
      continue;
    }
    if (c === '\n') {
      // A line break inside quotes folds to one space, with the next line's indent dropped.
      starts.push(i);
      i++;
      while (source[i] === ' ' || source[i] === '\t') i++;
      continue;
    }
    starts.push(i);
    i += 1;
  }
  return starts.length === value.length ? starts : undefined;
}

/** Source offset of each character of a literal block (|) value, or undefined. */
function literalBlock(text: string, start: number, end: number,
  value: string): number[] | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return undefined;
  const body = text.slice(headerEnd + 1, end);
  const indent = /^[ ]*/.exec(body.split('\n').find((l) => l.trim() !== '') ?? '')![0].length;
  const starts: number[] = [];
  let lineStart = headerEnd + 1;
  for (const line of value.split('\n')) {
    for (let c = 0; c < line.length; c++) starts.push(lineStart + indent + c);
    starts.push(lineStart + indent + line.length);
    lineStart = text.indexOf('\n', lineStart) + 1;
    if (lineStart === 0) break;
  }
  return starts.length >= value.length ? starts.slice(0, value.length) : undefined;
}

/**
 * Line and column in the source of character `offset` of the string at `path`; the start
 * of the value when the scalar's form cannot be followed.
 */
export function positionInValue(cfg: LoadedConfig, path: (string | number)[],
  offset: number): Position | undefined {
  const node = cfg.doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, valueEnd] = node.range;
  const source = cfg.text.slice(start, valueEnd);
  const value = node.value;
  let starts: number[] | undefined;
  if (node.type === Scalar.PLAIN && source === value) {
    starts = [...value].map((_c, i) => start + i);
  } else if (node.type === Scalar.QUOTE_SINGLE && source.slice(1, -1) === value) {
    starts = [...value].map((_c, i) => start + 1 + i);
  } else if (node.type === Scalar.QUOTE_DOUBLE) {
    starts = doubleQuoted(source, value)?.map((i) => start + i);
  } else if (node.type === Scalar.BLOCK_LITERAL) {
    starts = literalBlock(cfg.text, start, valueEnd, value);
  }
  const at = starts === undefined ? start
    : offset < starts.length ? starts[offset]! : (starts.at(-1) ?? start) + 1;
  const pos = cfg.lines.linePos(at);
  return { line: pos.line, col: pos.col };
}
