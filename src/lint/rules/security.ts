import type { Finding } from '../finding.js';
import { tokenize, type Interpolation, type Token } from '../tokenize.js';
import { report, type Rule, type RuleContext } from './types.js';

const scriptSteps = new Set(['sh', 'bat', 'powershell', 'pwsh']);
/** withCredentials binding arguments that name the variable holding a secret. */
const bindingKeys = new Set(['variable', 'usernameVariable', 'passwordVariable',
  'keyFileVariable', 'passphraseVariable', 'tokenVariable', 'credentialsVariable',
  'keystoreVariable', 'aliasVariable']);

/**
 * Names bound to secrets anywhere in the file: `X = credentials('id')` in `environment` (which
 * also defines X_USR and X_PSW) and the variables named in `withCredentials` bindings.
 * Limitation: file-wide, not scoped to the block that binds them.
 */
function secretNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (t.type === 'ident' && next?.text === '=' && after?.text === 'credentials') {
      for (const n of [t.text, `${t.text}_USR`, `${t.text}_PSW`]) names.add(n);
    }
    if (t.type === 'ident' && bindingKeys.has(t.text) && next?.text === ':'
      && after?.type === 'string' && !after.interpolations?.length) {
      names.add(after.value ?? '');
    }
  });
  return names;
}

/** The string tokens given to a script step: `sh "..."`, `sh("...")`, `sh(script: "...")`. */
function scriptStrings(tokens: Token[], i: number): Token[] {
  const out: Token[] = [];
  let j = i + 1;
  const paren = tokens[j]?.text === '(';
  if (paren) j++;
  let depth = 0;
  for (; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.type === 'newline' && !paren) break;
    if (t.text === '(' || t.text === '[') depth++;
    if (t.text === ')' || t.text === ']') {
      if (depth === 0) break;
      depth--;
    }
    // Named arguments other than `script:` (label:, returnStdout:) are not the script.
    const key = tokens[j - 1]?.text === ':' ? tokens[j - 2] : undefined;
    if (t.type === 'string' && (key === undefined || key.text === 'script')) out.push(t);
  }
  return out;
}

type Use = { kind: 'secret' | 'param'; name: string; at: Interpolation };

function usesIn(interp: Interpolation, secrets: Set<string>): Use[] {
  const toks = tokenize(interp.expr).filter((t) => t.type !== 'newline');
  const uses: Use[] = [];
  toks.forEach((t, k) => {
    if (t.type !== 'ident') return;
    const before = toks[k - 1];
    const viaEnv = before?.text === '.' && toks[k - 2]?.text === 'env';
    if (t.text === 'params' && before?.text !== '.') {
      const field = toks[k + 2];
      uses.push({ kind: 'param', name: field ? `params.${field.value ?? field.text}` : 'params',
        at: interp });
    } else if (secrets.has(t.text) && (before?.text !== '.' || viaEnv)) {
      uses.push({ kind: 'secret', name: viaEnv ? `env.${t.text}` : t.text, at: interp });
    }
  });
  return uses;
}

function scan(ctx: RuleContext): Use[] {
  const tokens = ctx.parsed.tokens;
  const secrets = secretNames(tokens);
  const uses: Use[] = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'ident' || !scriptSteps.has(t.text) || tokens[i - 1]?.text === '.') return;
    for (const s of scriptStrings(tokens, i)) {
      for (const interp of s.interpolations ?? []) uses.push(...usesIn(interp, secrets));
    }
  });
  return uses;
}

export const secretInterpolation: Rule = {
  id: 'secret-interpolation',
  severity: 'error',
  summary: 'No credential interpolated by Groovy into an `sh`/`bat`/`powershell` script',
  check(ctx) {
    const out: Finding[] = [];
    for (const u of scan(ctx).filter((x) => x.kind === 'secret')) {
      out.push(report(ctx, this, u.at, `secret \`${u.name}\` is interpolated by Groovy `
        + 'into a shell script: it lands in the build log and the process list',
      `use a single-quoted script and let the shell expand it: sh 'cmd "$${u.name.replace(
        /^env\./, '')}"'`));
    }
    return out;
  },
};

export const paramInterpolation: Rule = {
  id: 'param-interpolation',
  severity: 'warning',
  summary: 'No build parameter interpolated by Groovy into a script (shell injection)',
  check(ctx) {
    const out: Finding[] = [];
    for (const u of scan(ctx).filter((x) => x.kind === 'param')) {
      const bare = u.name.replace(/^params\./, '');
      out.push(report(ctx, this, u.at, `build parameter \`${u.name}\` is interpolated by `
        + 'Groovy into a shell script: a crafted value runs as a command',
      `pass it as an environment variable and quote it in a single-quoted script: `
        + `withEnv(["P=\${params.${bare}}"]) { sh 'cmd "$P"' } (parameters are also in the `
        + `environment: sh 'cmd "$${bare}"')`));
    }
    return out;
  },
};
