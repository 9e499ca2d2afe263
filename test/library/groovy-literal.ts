// Single-quoted Groovy literal for values the tests put into scenario scripts.
export function g(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A Groovy map literal from a plain object of strings, numbers, booleans, lists and maps. */
export function gmap(value: unknown): string {
  if (typeof value === 'string') return g(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(gmap).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '[:]';
    return `[${entries.map(([k, v]) => `${k}: ${gmap(v)}`).join(', ')}]`;
  }
  return 'null';
}
