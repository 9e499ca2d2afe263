import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { UserError, type Diagnostic } from '../diagnostics.js';

/** Larger than any real mlops.yaml by far; stops accidental or hostile huge inputs early. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** YAML aliases expand in place: a small file can blow up into gigabytes without a cap. */
export const MAX_ALIAS_COUNT = 100;

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
  if (size > MAX_CONFIG_BYTES) {
    throw new UserError('config rejected', [
      at(file, 1, 1, `file is ${size} bytes; the limit is ${MAX_CONFIG_BYTES}`, 'mlops.yaml describes pipelines, not data: move large content to files it references'),
    ]);
  }
  return parseConfigText(file, await readFile(file));
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
  const problems: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return at(file, pos.line, pos.col, yamlMessage(e.code, e.message), yamlHint(e.code));
  });
  if (problems.length > 0) throw new UserError('config rejected', problems);
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
    throw new UserError('config rejected', [
      at(file, 1, 1, `YAML aliases expand too much (${(err as Error).message})`, `use at most ${MAX_ALIAS_COUNT} alias expansions; write the values out instead`),
    ]);
  }
  return { file, text, doc, lines, data };
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

function yamlMessage(code: string, message: string): string {
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
};

function yamlHint(code: string): string {
  return YAML_HINTS[code] ?? 'see https://yaml.org/spec/1.2.2/ or compare with `mlops-jenkins init`';
}
