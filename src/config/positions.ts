import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { LoadedConfig } from './load.js';

export interface Position {
  line: number;
  col: number;
}

/** Splits an ajv instancePath ("/models/0/ci") into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Where a value lives in the source. With `key`, points at that key of the mapping
 * (unknown keys); when the path does not exist, at the nearest existing parent.
 */
export function positionOf(cfg: LoadedConfig, segments: string[], key?: string): Position {
  let node: unknown = cfg.doc.contents;
  let best: Position = { line: 1, col: 1 };
  for (const seg of segments) {
    const found = child(node, seg);
    if (!found) break;
    best = startOf(cfg, found.pair?.key ?? found.node) ?? best;
    node = found.node;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && keyText(p.key) === key);
    if (pair) return startOf(cfg, pair.key) ?? best;
  }
  if (segments.length > 0 && node) {
    const valueStart = startOf(cfg, node);
    if (valueStart && key === undefined && isScalar(node)) return valueStart;
  }
  return best;
}

function child(node: unknown, seg: string): { node: unknown; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === seg);
    return pair ? { node: pair.value, pair } : undefined;
  }
  if (isSeq(node)) {
    const index = Number(seg);
    return Number.isInteger(index) && node.items[index] !== undefined
      ? { node: node.items[index] }
      : undefined;
  }
  return undefined;
}

/** A key as the data sees it: `1:` and `true:` become the strings "1" and "true". */
function keyText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

function startOf(cfg: LoadedConfig, node: unknown): Position | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return undefined;
  const pos = cfg.lines.linePos(range[0]);
  return { line: pos.line, col: pos.col };
}
