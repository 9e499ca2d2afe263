import type { JsonSchema } from './schema.js';

/**
 * Says why a string failed a pattern, for the patterns users hit most: a bare "is not
 * valid" leaves them guessing which character is wrong. Undefined when no rule applies.
 */
export function patternReason(value: unknown, pattern: string, root: JsonSchema): string | undefined {
  if (typeof value !== 'string') return undefined;
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  if (pattern === defs.relativePath?.pattern || pattern === defs.glob?.pattern) return pathReason(value);
  if (pattern === defs.jobName?.pattern) return jobNameReason(value);
  return undefined;
}

function pathReason(value: string): string | undefined {
  if (value.startsWith('/')) return 'is absolute; write it relative to the repository root';
  if (/^[A-Za-z]:/.test(value) || value.includes('\\')) return 'uses `\\`; write folders with `/`, relative to the repository root';
  if (value.split('/').includes('..')) return 'leaves the repository through `..`; it must stay inside it';
  if (/[\u0000-\u001f]/.test(value)) return 'contains a control character';
  return undefined;
}

function jobNameReason(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > 63) return `is ${value.length} characters long; the limit is 63`;
  const faults: string[] = [];
  if (/[A-Z]/.test(value)) faults.push('upper-case letters');
  const bad = [...new Set([...value].filter((c) => !/[a-zA-Z0-9-]/.test(c)))];
  if (bad.length > 0) faults.push(bad.map((c) => JSON.stringify(c)).join(' '));
  if (value.startsWith('-')) faults.push('a leading `-`');
  if (faults.length === 0) return undefined;
  const fixed = value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  const tip = /^[a-z0-9][a-z0-9-]{0,62}$/.test(fixed) ? `; try "${fixed}"` : '';
  return `has ${faults.join(' and ')}${tip}`;
}
