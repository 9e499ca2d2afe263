import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Root of the installed package (holds templates/, library/, schemas/), from dist/ or src/. */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}
