import { open, stat, type FileHandle } from 'node:fs/promises';
import {
  LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node,
} from 'yaml';
import { UserError, type Diagnostic } from '../diagnostics.js';

/** Larger than any real mlops.yaml by far; stops accidental or hostile huge inputs early. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** YAML aliases expand in place: a small file can blow up into gigabytes without a cap. */
export const MAX_ALIAS_COUNT = 100;
/** Real configs nest about eight levels; the checks after parsing recurse, so cap it. */
export const MAX_DEPTH = 32;

export interface LoadedConfig {
  /** Path as the user named it, used in every message. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UserError(`${file} is not a file`, [], 'point -c at your mlops.yaml');
    size = info.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      [],
      'run `mlops-jenkins init` to create one, or pass -c PATH',
    );
  }
  const tooBig = (bytes: number) => new UserError('config rejected', [
    at(file, 1, 1, `file is ${bytes} bytes; the limit is ${MAX_CONFIG_BYTES}`, 'mlops.yaml describes pipelines, not data: move large content to files it references'),
  ]);
  if (size > MAX_CONFIG_BYTES) throw tooBig(size);
  const bytes = await readCapped(file);
  // The size can change between stat and read (or be unknown, as in /proc): the cap holds anyway.
  if (bytes.length > MAX_CONFIG_BYTES) throw tooBig(bytes.length);
  return parseConfigText(file, bytes);
}

/** Reads at most one byte more than the limit; a read failure is the user's to fix. */
async function readCapped(file: string): Promise<Uint8Array> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buf.length) break;
    }
    return buf.subarray(0, length);
  } catch (err) {
    throw new UserError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      [],
      'check that the file is readable by this user',
    );
  } finally {
    await handle?.close();
  }
}

/** Pure: bytes to a parsed YAML document, or a UserError listing every problem found. */
export function parseConfigText(file: string, bytes: Uint8Array): LoadedConfig {
  const text = decodeUtf8(file, bytes);
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    throw new UserError('config rejected', [
      at(file, 1, 1, 'the file is empty', 'run `mlops-jenkins init` for a commented starter file'),
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    strict: true,
  });
  const problems: Diagnostic[] = [];
  const seenLines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lines.linePos(e.pos[0]);
    // The parser often reports one mistake twice on the same line; the first says it best.
    if (seenLines.has(pos.line)) continue;
    seenLines.add(pos.line);
    problems.push(at(file, pos.line, pos.col, yamlMessage(e.code, e.message), yamlHint(e.code)));
  }
  if (problems.length > 0) throw new UserError('config rejected', problems);
  const shape = shapeProblems(doc.contents, (offset) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  }, file);
  if (shape.length > 0) throw new UserError('config rejected', shape);
  if (!isMap(doc.contents)) {
    const offset = doc.contents?.range?.[0] ?? 0;
    const pos = lines.linePos(offset);
    throw new UserError('config rejected', [
      at(file, pos.line, pos.col, 'the top level must be a mapping of keys (version, project, models, ...)', 'start from `mlops-jenkins init`'),
    ]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // Unknown aliases were reported above, so what is left is the expansion cap.
    const first = firstAlias(doc.contents);
    const pos = lines.linePos(first?.range?.[0] ?? 0);
    throw new UserError('config rejected', [
      at(file, pos.line, pos.col, `YAML aliases expand to more than ${MAX_ALIAS_COUNT} copies`, 'write the values out instead of nesting aliases of aliases'),
    ]);
  }
  return { file, text, doc, lines, data };
}

type Locate = (offset: number) => { line: number; col: number };

/**
 * What YAML allows but a config cannot mean: keys that are not plain scalars, aliases
 * to anchors that do not exist, nesting deep enough to exhaust the checks that follow.
 * Iterative, so a hostile depth cannot overflow the stack here either.
 */
function shapeProblems(root: unknown, locate: Locate, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anchors = new Set<string>();
  const stack: [unknown, number][] = [[root, 0]];
  const report = (node: unknown, message: string, hint: string) => {
    const { line, col } = locate((node as Node | null)?.range?.[0] ?? 0);
    out.push(at(file, line, col, message, hint));
  };
  // Depth-first in document order, so an anchor is seen before the aliases below it.
  while (stack.length > 0 && out.length < 20) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) {
      report(node, `the YAML nests more than ${MAX_DEPTH} levels deep`, 'flatten the structure; mlops.yaml needs far fewer levels');
      continue;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        report(node, `YAML alias *${node.source} names no anchor defined above it`, `define &${node.source} on an earlier value, or write the value out`);
      }
    } else if (isMap(node)) {
      const children: [unknown, number][] = [];
      for (const pair of node.items) {
        if (isPair(pair) && pair.key !== null && !isScalar(pair.key)) {
          report(pair.key, 'a key must be a plain word, not a list or mapping', 'remove the `?` complex key; write `name: value`');
        }
        children.push([pair.value, depth + 1]);
      }
      stack.push(...children.reverse());
    } else if (isSeq(node)) {
      stack.push(...node.items.map((n): [unknown, number] => [n, depth + 1]).reverse());
    }
  }
  return out;
}

function firstAlias(root: unknown): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return node;
    if (isMap(node)) stack.push(...node.items.map((p) => p.value).reverse());
    else if (isSeq(node)) stack.push(...[...node.items].reverse());
  }
  return undefined;
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new UserError('config rejected', [
      at(file, line, col, `invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}`, 'save the file as UTF-8'),
    ]);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need;
  }
  return 0;
}

function at(file: string, line: number, col: number, message: string, hint?: string): Diagnostic {
  return hint ? { file, line, col, message, hint } : { file, line, col, message };
}

/** The parser's own words where they are clear; ours where they name its API or internals. */
const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document',
  RESOURCE_EXHAUSTION: 'nested too deeply to read',
  MULTILINE_IMPLICIT_KEY: 'a key must end with `: ` on its own line',
};

function yamlMessage(code: string, message: string): string {
  if (YAML_MESSAGES[code]) return `YAML: ${YAML_MESSAGES[code]}`;
  const first = message.split('\n')[0] ?? message;
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in a mapping; remove or rename the repeated one',
  TAB_AS_INDENT: 'YAML indents with spaces only; replace the tab with spaces',
  BAD_INDENT: 'align this line with its siblings, using spaces',
  MULTIPLE_DOCS: 'keep a single document: remove the extra `---`',
  BLOCK_AS_IMPLICIT_KEY: 'a key must fit on one line; check for a missing `:` or quote',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BAD_ALIAS: 'an alias must name an anchor defined above it',
  TAG_RESOLVE_FAILED: 'remove the custom `!tag`: mlops.yaml takes plain values only',
  RESOURCE_EXHAUSTION: 'flatten the structure; mlops.yaml needs only a few levels',
  MULTILINE_IMPLICIT_KEY: 'check for a missing `:` after a key, or a quote that is not closed',
  BAD_DQ_ESCAPE: 'in double quotes a backslash starts an escape; use single quotes for a literal \\',
  KEY_OVER_1024_CHARS: 'keys are short names; see `mlops-jenkins init` for the allowed keys',
};

function yamlHint(code: string): string {
  return YAML_HINTS[code] ?? 'see https://yaml.org/spec/1.2.2/ or compare with `mlops-jenkins init`';
}
