import { describeCron } from '../cron/index.js';
import type { Config } from '../config/normalize.js';
import { ctJobName, pollJobName, pollSpec, trainable } from '../plan/ct.js';

/**
 * One line per schedule, in plain words: which model, which job, and when it fires with
 * every `H` resolved the way Jenkins resolves it for that job's full name.
 */
export function explainSchedules(config: Config): string[] {
  const lines: string[] = [];
  for (const m of trainable(config)) {
    const t = m.triggers;
    if (t.schedule) {
      const job = ctJobName(config, m);
      lines.push(`${m.name}: retrains ${describeCron(t.schedule, job)} (job ${job})`);
    }
    const poll = pollSpec(m);
    if (poll) {
      const job = pollJobName(config, m);
      const what = [t.data ? `its data (${t.data.type} ${t.data.source})` : '',
        t.metric ? `its ${t.metric.source} metric` : ''].filter(Boolean).join(' and ');
      lines.push(`${m.name}: checks ${what} ${describeCron(poll, job)} (job ${job})`);
    }
    if (t.webhook) lines.push(`${m.name}: retrains when its webhook is called`);
    if (t.upstream) {
      lines.push(`${m.name}: retrains after ${t.upstream.jobs.join(', ')} finish` +
        ` (${t.upstream.threshold ?? 'SUCCESS'} or better)`);
    }
  }
  return lines.length ? lines : ['no schedules'];
}
