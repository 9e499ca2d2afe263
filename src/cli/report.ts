import { formatDiagnostic, sortDiagnostics, UserError } from '../diagnostics.js';
import type { Logger } from './log.js';

const MAX_SHOWN = 50;

/** User errors: messages and exit 2. Anything else is our bug: a short note and exit 3. */
export function reportError(err: unknown, log: Logger): number {
  if (err instanceof UserError) {
    const sorted = sortDiagnostics(err.diagnostics);
    // A file of garbage yields hundreds of problems; the first ones are what to fix first.
    for (const d of sorted.slice(0, MAX_SHOWN)) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (sorted.length > MAX_SHOWN) process.stderr.write(`... and ${sorted.length - MAX_SHOWN} more\n`);
    if (err.diagnostics.length === 0 || err.message !== 'config rejected') log.error(err.message);
    if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
    if (err.diagnostics.length > 0) {
      const n = err.diagnostics.length;
      log.error(`${n} problem${n === 1 ? '' : 's'} found; nothing was written`);
    }
    return 2;
  }
  // First line only: the note must stay short; DEBUG=1 shows everything.
  const what = String((err as Error)?.message ?? err).split('\n')[0];
  log.error(`internal error: ${what}`);
  process.stderr.write('This is a bug in mlops-jenkins. Please report it with the command you ran and DEBUG=1 output.\n');
  if (process.env.DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  return 3;
}
