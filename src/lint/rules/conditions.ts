import type { Statement } from '../blocks.js';
import type { Finding } from '../finding.js';
import { visitSections } from './sections.js';
import { report, type Rule } from './types.js';

/** Build conditions of `post`, from the Pipeline Syntax reference. */
export const postConditions = ['always', 'changed', 'fixed', 'regression', 'aborted', 'failure',
  'success', 'unstable', 'unsuccessful', 'notBuilt', 'cleanup'];

/** Built-in `when` conditions, and the nesting ones with how many children they take. */
export const whenConditions = ['branch', 'buildingTag', 'changelog', 'changeset', 'changeRequest',
  'environment', 'equals', 'expression', 'tag', 'triggeredBy'];
const nesting: Record<string, 'one' | 'some'> = { not: 'one', allOf: 'some', anyOf: 'some' };
const whenModifiers = ['beforeAgent', 'beforeInput', 'beforeOptions'];

export const postCondition: Rule = {
  id: 'post-condition',
  severity: 'error',
  summary: `\`post\` holds only known conditions (${postConditions.join(', ')}), each once`,
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    visitSections(ctx.pipeline, ({ stmt }) => {
      if (stmt.name !== 'post') return;
      const seen = new Set<string>();
      for (const cond of stmt.block ?? []) {
        if (!postConditions.includes(cond.name) || !cond.block) {
          out.push(report(ctx, this, cond, `invalid post condition \`${cond.name || '?'}\``,
            `use one of ${postConditions.join(', ')}, each with a block of steps`));
        } else if (seen.has(cond.name)) {
          out.push(report(ctx, this, cond, `duplicate post condition \`${cond.name}\``,
            'merge the steps of both blocks into one'));
        }
        seen.add(cond.name);
      }
    });
    return out;
  },
};

export const whenCondition: Rule = {
  id: 'when-condition',
  severity: 'error',
  summary: '`when` holds only known conditions; `not` takes one, `allOf`/`anyOf` at least one',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    const checkConds = (conds: Statement[], top: boolean) => {
      for (const c of conds) {
        if (top && whenModifiers.includes(c.name)) continue;
        const kind = nesting[c.name];
        if (kind) {
          const n = c.block?.length ?? 0;
          if (n === 0 || (kind === 'one' && n !== 1)) {
            out.push(report(ctx, this, c, `\`${c.name}\` needs ${kind === 'one' ? 'exactly one'
              : 'at least one'} nested condition, found ${n}`,
            kind === 'one' ? 'wrap several conditions in `allOf { }` or `anyOf { }` inside `not`'
              : `put conditions inside \`${c.name} { }\``));
          }
          checkConds(c.block ?? [], false);
        } else if (!whenConditions.includes(c.name)) {
          out.push(report(ctx, this, c, `unknown when condition \`${c.name || '?'}\``,
            `use one of ${[...whenConditions, ...Object.keys(nesting)].join(', ')}`
            + (top ? `, or the modifiers ${whenModifiers.join(', ')}` : '')
            + '; arbitrary Groovy goes in `expression { }`'));
        }
      }
    };
    visitSections(ctx.pipeline, ({ stmt }) => {
      if (stmt.name === 'when') checkConds(stmt.block ?? [], true);
    });
    return out;
  },
};
