import type { JsonSchema } from '../config/schema.js';

/**
 * The configuration reference (docs/configuration.md), rendered from the schema so the
 * documentation cannot drift from what `validate` accepts.
 */
export function renderConfigDoc(root: JsonSchema): string {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const rows: string[] = [];
  const resolve = (s: JsonSchema): JsonSchema => {
    let cur = s;
    for (let i = 0; cur.$ref && i < 10; i++) {
      const target = defs[cur.$ref.replace('#/$defs/', '')] ?? {};
      cur = { ...target, ...cur, $ref: target.$ref };
    }
    return cur;
  };
  const visit = (s: JsonSchema, path: string, required: boolean, depth: number) => {
    if (depth > 12) return;
    const r = resolve(s);
    if (path) rows.push(row(path, r, required));
    const variants = [...((r.oneOf as JsonSchema[] | undefined) ?? []), ...((r.anyOf as JsonSchema[] | undefined) ?? [])];
    const props: [string, JsonSchema, boolean][] = [];
    const seen = new Set<string>();
    for (const src of [r, ...variants.map(resolve)]) {
      const req = new Set(src.required ?? []);
      for (const [k, sub] of Object.entries(src.properties ?? {})) {
        if (seen.has(k)) continue;
        seen.add(k);
        props.push([k, sub, req.has(k)]);
      }
    }
    for (const [k, sub, req] of props) visit(sub, path ? `${path}.${k}` : k, req, depth + 1);
    if (typeof r.additionalProperties === 'object') visit(r.additionalProperties as JsonSchema, `${path}.<name>`, true, depth + 1);
    if (typeof r.items === 'object') visit(r.items as JsonSchema, `${path}[]`, true, depth + 1);
  };
  visit(root, '', true, 0);
  return [
    '# mlops.yaml reference',
    '',
    '<!-- Rendered from schemas/mlops.schema.json by `npm run docs`; edit the schema, not this file. -->',
    '',
    root.description ?? '',
    '',
    '| key | type | required | default | description |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function row(path: string, s: JsonSchema, required: boolean): string {
  const type = s.enum ? s.enum.map((v) => `\`${String(v)}\``).join(' | ') : s.const !== undefined ? `\`${String(s.const)}\`` : String(s.type ?? (s.oneOf ? 'one of' : 'object'));
  const def = s.default === undefined ? '' : `\`${JSON.stringify(s.default)}\``;
  const example = s.examples?.[0] === undefined ? '' : ` Example: \`${JSON.stringify(s.examples[0])}\``;
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return `| \`${path}\` | ${cell(type)} | ${required ? 'yes' : ''} | ${cell(def)} | ${cell((s.description ?? '') + example)} |`;
}
