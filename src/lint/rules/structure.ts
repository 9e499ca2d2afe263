import { isMethodDeclaration, walk } from '../blocks.js';
import type { Finding } from '../finding.js';
import { allowedIn, mustNotBeEmpty, stageBodies, stagesOf, visitSections } from './sections.js';
import { report, type Rule } from './types.js';

export const pipelineTopLevel: Rule = {
  id: 'pipeline-top-level',
  severity: 'error',
  summary: 'One `pipeline { }` block, at the top level of the file, not inside another block',
  check(ctx) {
    const out: Finding[] = [];
    let top = 0;
    for (const { stmt, parents } of walk(ctx.parsed.statements)) {
      if (stmt.name !== 'pipeline' || !stmt.block || stmt.args.length > 0) continue;
      // A library step may define the whole pipeline: `def call() { pipeline { ... } }`.
      const inMethod = parents.length === 1 && parents[0] !== undefined
        && isMethodDeclaration(parents[0]);
      if (parents.length > 0 && !inMethod) {
        out.push(report(ctx, this, stmt, 'pipeline block must be at the top level, not within '
          + `\`${parents[parents.length - 1]?.name || 'a'}\` block`,
          'move `pipeline { }` out of the enclosing block (a scripted `node { }` cannot hold a '
          + 'declarative pipeline)'));
      } else if (++top > 1) {
        out.push(report(ctx, this, stmt, 'only one pipeline block can run in a single build',
          'merge the stages into the first `pipeline { }` block or split the file'));
      }
    }
    return out;
  },
};

export const requiredSection: Rule = {
  id: 'required-section',
  severity: 'error',
  summary: '`pipeline` has `agent` and `stages`; a `matrix` has `axes` and `stages`',
  check(ctx) {
    const out: Finding[] = [];
    const need = (owner: typeof ctx.pipeline, names: string[], where: string) => {
      if (!owner?.block) return;
      for (const name of names) {
        if (!owner.block.some((s) => s.name === name)) {
          out.push(report(ctx, this, owner, `missing required section \`${name}\` in ${where}`,
            name === 'agent' ? 'add `agent any`, `agent none` or `agent { label \'...\' }`'
              : `add a \`${name} { }\` block`));
        }
      }
    };
    need(ctx.pipeline, ['agent', 'stages'], '`pipeline`');
    if (ctx.pipeline) {
      visitSections(ctx.pipeline, ({ stmt }) => {
        if (stmt.name === 'matrix') need(stmt, ['axes', 'stages'], '`matrix`');
      });
    }
    return out;
  },
};

export const stageBody: Rule = {
  id: 'stage-body',
  severity: 'error',
  summary: 'Each stage has exactly one of `steps`, `stages`, `parallel` or `matrix`; '
    + '`stages` and `parallel` hold only stages',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    visitSections(ctx.pipeline, ({ stmt }) => {
      if (stmt.name !== 'stages' && stmt.name !== 'parallel') return;
      for (const item of stmt.block ?? []) {
        if (item.name !== 'stage') {
          out.push(report(ctx, this, item, `expected a stage in \`${stmt.name}\`, found `
            + `\`${item.name || item.first.text}\``, "wrap it: `stage('name') { steps { ... } }`"));
        }
      }
    });
    for (const { stage } of stagesOf(ctx.pipeline)) {
      const bodies = (stage.block ?? []).filter((s) =>
        (stageBodies as readonly string[]).includes(s.name));
      if (!stage.block) {
        out.push(report(ctx, this, stage, 'stage has no block',
          "write the stage as `stage('name') { steps { ... } }`"));
      } else if (bodies.length === 0) {
        out.push(report(ctx, this, stage, 'nothing to execute within the stage',
          'add a `steps { }` block (or `stages`, `parallel` or `matrix`)'));
      } else if (bodies.length > 1) {
        out.push(report(ctx, this, bodies[1] ?? stage, `a stage takes only one of steps, stages, `
          + `parallel or matrix; found ${bodies.map((b) => b.name).join(' and ')}`,
          'move the extra body into a stage of its own'));
      }
    }
    return out;
  },
};

export const directivePlacement: Rule = {
  id: 'directive-placement',
  severity: 'error',
  summary: 'Sections and directives only where Jenkins allows them; sections, options and '
    + 'triggers at most once',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    const seen = new Map<unknown, Set<string>>();
    visitSections(ctx.pipeline, ({ scope, stmt, owner }) => {
      const allowed = allowedIn[scope];
      if (stmt.name === 'triggers' && scope !== 'pipeline') return; // triggers-top-level
      if (!allowed.includes(stmt.name)) {
        const known = Object.entries(allowedIn).filter(([, v]) => v.includes(stmt.name))
          .map(([k]) => k);
        const what = stmt.name ? `\`${stmt.name}\`` : 'this statement';
        out.push(report(ctx, this, stmt, known.length > 0
          ? `${what} is not allowed in a ${scope}; it belongs in a ${known.join(' or ')}`
          : `undefined section ${what} in a ${scope}`,
          `allowed in a ${scope}: ${allowed.join(', ')}`
          + (scope === 'stage' ? '; steps go inside `steps { }`' : '')));
        return;
      }
      const names = seen.get(owner) ?? new Set<string>();
      seen.set(owner, names);
      if (names.has(stmt.name)) {
        out.push(report(ctx, this, stmt, `multiple occurrences of the \`${stmt.name}\` section`,
          `merge the two \`${stmt.name}\` blocks into one`));
      }
      names.add(stmt.name);
      // Jenkins also rejects the same option or trigger twice (`Duplicate trigger name`).
      if (stmt.name === 'options' || stmt.name === 'triggers') {
        const inner = new Set<string>();
        for (const item of stmt.block ?? []) {
          if (item.name && inner.has(item.name)) {
            out.push(report(ctx, this, item, `duplicate ${stmt.name === 'options' ? 'option'
              : 'trigger'} \`${item.name}\``, 'keep one; a cron spec can hold several lines'));
          }
          inner.add(item.name);
        }
      }
    });
    return out;
  },
};

export const triggersTopLevel: Rule = {
  id: 'triggers-top-level',
  severity: 'error',
  summary: '`triggers` only in the top-level `pipeline` block',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    visitSections(ctx.pipeline, ({ scope, stmt }) => {
      if (stmt.name === 'triggers' && scope !== 'pipeline') {
        out.push(report(ctx, this, stmt, `\`triggers\` is not allowed in a ${scope}`,
          'move `triggers { }` to the `pipeline` block; use `when { }` to limit a stage'));
      }
    });
    return out;
  },
};

export const emptyBlock: Rule = {
  id: 'empty-block',
  severity: 'error',
  summary: 'No empty declarative blocks (`stages {}`, `steps {}`, `post {}`, `when {}`...)',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    const flag = (stmt: { name: string; block?: unknown[] }, at: Parameters<typeof report>[2]) => {
      if (stmt.block && stmt.block.length === 0) {
        out.push(report(ctx, this, at, `\`${stmt.name}\` block is empty`,
          `Jenkins rejects an empty \`${stmt.name}\`; fill it or remove it`));
      }
    };
    visitSections(ctx.pipeline, ({ stmt }) => {
      if (mustNotBeEmpty.has(stmt.name)) flag(stmt, stmt);
      if (stmt.name === 'post') for (const cond of stmt.block ?? []) flag(cond, cond);
    });
    return out;
  },
};

export const nestedParallel: Rule = {
  id: 'nested-parallel',
  severity: 'error',
  summary: 'No `parallel` or `matrix` in a stage that is already inside a parallel or matrix',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    for (const { stage, inParallel } of stagesOf(ctx.pipeline)) {
      if (!inParallel) continue;
      for (const s of stage.block ?? []) {
        if (s.name === 'parallel' || s.name === 'matrix') {
          out.push(report(ctx, this, s, `\`${s.name}\` inside a stage that already runs in a `
            + 'parallel or matrix; Jenkins allows them only in a top-level stage',
            'flatten the branches into the outer `parallel`, or run the inner ones in sequence '
            + 'with `stages { }`'));
        }
      }
    }
    return out;
  },
};

export const stageName: Rule = {
  id: 'stage-name',
  severity: 'error',
  summary: 'Every stage has a name, unique in the whole pipeline',
  check(ctx) {
    if (!ctx.pipeline) return [];
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    for (const { stage } of stagesOf(ctx.pipeline)) {
      const name = stage.args.find((t) => t.type === 'string');
      if (!name) {
        out.push(report(ctx, this, stage, 'stage does not have a name',
          "name it: `stage('Build') { ... }`"));
        continue;
      }
      const value = name.value ?? '';
      const line = seen.get(value);
      if (line !== undefined) {
        out.push(report(ctx, this, name, `duplicate stage name "${value}" (first at line ${line})`,
          'give each stage its own name; Jenkins identifies stages by name'));
      } else {
        seen.set(value, name.line);
      }
    }
    return out;
  },
};
