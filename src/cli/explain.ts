import type { Config } from '../config/normalize.js';

/** One line per schedule: which model, which trigger, the spec. */
export function explainSchedules(config: Config): string[] {
  const lines: string[] = [];
  for (const m of config.models) {
    if (m.triggers.schedule) lines.push(`${m.name}: retrains on schedule ${JSON.stringify(m.triggers.schedule)}`);
  }
  return lines.length ? lines : ['no schedules'];
}
