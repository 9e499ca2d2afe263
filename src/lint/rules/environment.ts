import { walk } from '../blocks.js';
import { validateCron, type CronValidator } from '../cron-check.js';
import type { Finding } from '../finding.js';
import { visitSections } from './sections.js';
import { report, type Rule } from './types.js';

const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const envVarName: Rule = {
  id: 'env-var-name',
  severity: 'error',
  summary: 'Environment names are letters, digits and `_`, not starting with a digit, unique',
  check(ctx) {
    const out: Finding[] = [];
    const bad = (at: Parameters<typeof report>[2], name: string) =>
      out.push(report(ctx, this, at, `"${name}" is not a valid environment variable name`,
        'start with a letter or `_`, then only letters, digits or `_` (e.g. MODEL_NAME)'));
    if (ctx.pipeline) {
      visitSections(ctx.pipeline, ({ stmt }) => {
        if (stmt.name !== 'environment') return;
        const seen = new Set<string>();
        for (const entry of stmt.block ?? []) {
          const eq = entry.args[0];
          if (!entry.name || eq?.text !== '=') {
            out.push(report(ctx, this, entry, 'not a valid environment entry',
              'write `NAME = \'value\'` (or `NAME = credentials(\'id\')`), one per line'));
          } else if (!envName.test(entry.name)) {
            bad(entry, entry.name);
          } else if (seen.has(entry.name)) {
            out.push(report(ctx, this, entry, `duplicate environment variable "${entry.name}"`,
              'keep one definition'));
          }
          seen.add(entry.name);
        }
      });
    }
    // withEnv(['NAME=value']) anywhere: the name part must be a shell variable name too.
    const toks = ctx.parsed.tokens;
    toks.forEach((t, i) => {
      if (t.type !== 'ident' || t.text !== 'withEnv') return;
      for (let j = i + 1; j < toks.length && toks[j]?.text !== ')'; j++) {
        const s = toks[j];
        if (s?.type !== 'string' || s.interpolations?.length) continue;
        const name = (s.value ?? '').split('=')[0] ?? '';
        // `PATH+EXTRA=dir` is withEnv's way to prepend to PATH.
        if (!envName.test(name.replace(/\+[A-Za-z0-9_]*$/, ''))) bad(s, name);
      }
    });
    return out;
  },
};

/** Builds the cron rule around a validator, so a fuller parser can replace the local one. */
export function cronRule(validate: CronValidator = validateCron): Rule {
  return {
    id: 'cron-spec',
    severity: 'error',
    summary: 'Valid Jenkins cron in `cron` and `pollSCM` triggers',
    check(ctx) {
      const out: Finding[] = [];
      for (const { stmt, parents } of walk(ctx.parsed.statements)) {
        if (stmt.name !== 'cron' && stmt.name !== 'pollSCM') continue;
        if (!parents.some((p) => p.name === 'triggers')) continue;
        const specs = stmt.args.filter((t) => t.type === 'string');
        // An interpolated or concatenated spec is only known at run time.
        if (specs.length !== 1 || specs[0]?.interpolations?.length) continue;
        const spec = specs[0];
        if (!spec) continue;
        for (const p of validate(spec.value ?? '')) {
          out.push(report(ctx, this, spec, `${stmt.name}: ${p.message}`, p.hint));
        }
      }
      return out;
    },
  };
}
