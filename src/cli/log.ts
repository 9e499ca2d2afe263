/**
 * Every log line goes to stderr so stdout carries only data (--stdout, --json).
 * Colour only on a TTY and never under NO_COLOR.
 */
export type Level = 'quiet' | 'normal' | 'verbose';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  debug(msg: string): void;
}

export function createLogger(level: Level, stream: NodeJS.WriteStream = process.stderr): Logger {
  const colour = stream.isTTY === true && !process.env.NO_COLOR;
  const paint = (code: string, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const write = (s: string) => stream.write(`${s}\n`);
  return {
    info: (m) => level !== 'quiet' && write(m),
    warn: (m) => write(`${paint('33', 'warning:')} ${m}`),
    error: (m) => write(`${paint('31', 'error:')} ${m}`),
    debug: (m) => (level === 'verbose' || !!process.env.DEBUG) && write(paint('2', m)),
  } as Logger;
}
