/**
 * A POSIX shell word that the shell reads back as exactly `value`: single quotes
 * protect everything but the quote itself, which is closed, escaped and reopened.
 * Limitation: a NUL byte cannot be passed to a program through argv at all; it is
 * refused rather than silently truncated.
 */
export function shellWord(value: string): string {
  if (value.includes('\u0000')) throw new Error('a shell word cannot contain a NUL byte');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
