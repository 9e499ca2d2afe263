import type { Statement } from '../blocks.js';

/**
 * Where each declarative section and directive may appear, after the Pipeline Syntax
 * reference on jenkins.io (Sections, Directives, Sequential/Parallel stages, Matrix).
 */
export const allowedIn: Record<'pipeline' | 'stage' | 'matrix', readonly string[]> = {
  pipeline: ['agent', 'environment', 'options', 'parameters', 'triggers', 'tools', 'libraries',
    'stages', 'post'],
  stage: ['agent', 'environment', 'tools', 'input', 'when', 'options', 'post', 'failFast',
    'steps', 'stages', 'parallel', 'matrix'],
  matrix: ['axes', 'excludes', 'agent', 'environment', 'options', 'post', 'tools', 'when',
    'input', 'stages'],
};

/** The bodies a stage runs; exactly one per stage. */
export const stageBodies = ['steps', 'stages', 'parallel', 'matrix'] as const;

/** Blocks that Jenkins rejects when empty (`No stages specified`, `... can not be empty`). */
export const mustNotBeEmpty = new Set(['stages', 'steps', 'parallel', 'environment', 'tools',
  'when', 'post', 'options', 'triggers', 'parameters', 'agent', 'axes', 'matrix', 'input']);

export type Scope = 'pipeline' | 'stage' | 'matrix';

/** A section in its scope, with the stages it is nested in (nearest last). */
export interface ScopedSection {
  scope: Scope;
  stmt: Statement;
  owner: Statement;
  /** Stages and matrix blocks enclosing `owner`, outermost first. */
  stagePath: Statement[];
  /** True when `owner` sits in a `parallel` or `matrix` (directly or further up). */
  inParallel: boolean;
}

/**
 * Visits the declarative tree: the pipeline's sections, every stage (under `stages`,
 * `parallel` or a matrix's `stages`) and every matrix, calling `visit` for each section.
 */
export function visitSections(pipeline: Statement, visit: (s: ScopedSection) => void): void {
  const walkOwner = (owner: Statement, scope: Scope, stagePath: Statement[],
    inParallel: boolean) => {
    for (const stmt of owner.block ?? []) {
      visit({ scope, stmt, owner, stagePath, inParallel });
      const nestedParallel = inParallel || stmt.name === 'parallel' || stmt.name === 'matrix';
      if (stmt.name === 'stages' || stmt.name === 'parallel') {
        for (const stage of stmt.block ?? []) {
          if (stage.name === 'stage') {
            walkOwner(stage, 'stage', [...stagePath, stage], nestedParallel);
          }
        }
      } else if (stmt.name === 'matrix' && scope === 'stage') {
        walkOwner(stmt, 'matrix', [...stagePath, stmt], true);
      }
    }
  };
  walkOwner(pipeline, 'pipeline', [], false);
}

/** Every stage of the pipeline with whether it sits inside a parallel or a matrix. */
export function stagesOf(pipeline: Statement): { stage: Statement; inParallel: boolean }[] {
  const out: { stage: Statement; inParallel: boolean }[] = [];
  visitSections(pipeline, ({ stmt, inParallel }) => {
    if (stmt.name !== 'stages' && stmt.name !== 'parallel') return;
    const inside = inParallel || stmt.name === 'parallel';
    for (const stage of stmt.block ?? []) if (stage.name === 'stage') {
      out.push({ stage, inParallel: inside });
    }
  });
  return out;
}
