import type { Config } from '../config/normalize.js';

/** Arguments of `mlopsNotify`, or null when nobody is to be told. */
export function notifyArgs(config: Config): Record<string, unknown> | null {
  const n = config.notifications;
  if (!n.slack && !n.email) return null;
  const args: Record<string, unknown> = { onSuccess: n.onSuccess };
  if (n.slack) {
    const cred = n.slack.credential ? config.credentials[n.slack.credential] : undefined;
    args.slack = { channel: n.slack.channel, ...(cred ? { credentialsId: cred.id } : {}) };
  }
  if (n.email) args.email = { to: n.email.to.join(',') };
  return args;
}
