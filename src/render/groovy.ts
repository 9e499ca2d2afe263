/**
 * User data reaches generated Groovy only through these functions. A single-quoted
 * Groovy string interpolates nothing (`$` is literal), so escaping `\`, `'` and the
 * characters that cannot stand raw in source is enough for it to evaluate to exactly
 * the input. Non-ASCII is written as \u escapes so the bytes of a Jenkinsfile never
 * depend on the controller's file encoding.
 */
export function groovyString(value: string): string {
  return `'${escapeBody(value, '\\n')}'`;
}

/**
 * A multi-line text as a triple-single-quoted Groovy string, one source line per text
 * line, for readable YAML or scripts in a Jenkinsfile. Same escaping as groovyString
 * but newlines stay real; a backslash after the opening quotes keeps a leading newline out.
 */
export function groovyMultiline(value: string): string {
  if (!value.includes('\n')) return groovyString(value);
  return `'''\\\n${escapeBody(value, '\n')}'''`;
}

/** The escaped inside of a single-quoted Groovy string; `newline` is how a newline is written. */
function escapeBody(value: string, newline: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += newline;
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += utf16Escapes(ch);
  }
  return out;
}

function utf16Escapes(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) {
    out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return out;
}

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A map key: bare when it is a plain identifier, quoted otherwise. */
export function groovyKey(key: string): string {
  return BARE_KEY.test(key) && !RESERVED.has(key) ? key : groovyString(key);
}

/** Groovy keywords cannot be bare map keys in every position. */
const RESERVED = new Set([
  'as', 'assert', 'break', 'case', 'catch', 'class', 'const', 'continue', 'def', 'default',
  'do', 'else', 'enum', 'extends', 'false', 'finally', 'for', 'goto', 'if', 'implements',
  'import', 'in', 'instanceof', 'interface', 'new', 'null', 'package', 'return', 'super',
  'switch', 'this', 'throw', 'throws', 'trait', 'true', 'try', 'while',
]);

/**
 * Any JSON-like value as a Groovy literal. With `indent`, maps and lists that do not
 * fit on one line are broken over lines, nested by two spaces.
 */
export function groovyValue(value: unknown, indent?: number, width = 100): string {
  const flat = inline(value);
  if (indent === undefined || indent + flat.length <= width) return flat;
  return block(value, indent, width);
}

function inline(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return groovyString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Groovy literal`);
    return Number.isInteger(value) ? String(value) : `${value}d`;
  }
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '[:]';
    return `[${entries.map(([k, v]) => `${groovyKey(k)}: ${inline(v)}`).join(', ')}]`;
  }
  throw new Error(`cannot write a ${typeof value} as a Groovy literal`);
}

function block(value: unknown, indent: number, width: number): string {
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => `${pad}${groovyValue(v, indent + 2, width)}`);
    return `[\n${items.join(',\n')},\n${end}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '[:]';
    const items = entries.map(([k, v]) => {
      const head = `${pad}${groovyKey(k)}: `;
      const flat = inline(v);
      return head + (head.length + flat.length <= width ? flat : block(v, indent + 2, width));
    });
    return `[\n${items.join(',\n')},\n${end}]`;
  }
  return inline(value);
}
