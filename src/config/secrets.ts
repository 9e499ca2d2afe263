import type { Diagnostic } from '../diagnostics.js';
import type { LoadedConfig } from './load.js';
import { positionOf } from './positions.js';

/**
 * Refuses secrets written into mlops.yaml. The file is committed, so a token in it is
 * leaked the moment it is pushed; Jenkins credentials are the place for values, the
 * config only names them. Messages never repeat the secret itself.
 */

interface Kind {
  what: string;
  /** The Jenkins credential type that holds it. */
  type: string;
}

const TOKEN = { what: 'an access token', type: 'string' };
const KEY = { what: 'a private key', type: 'sshUserPrivateKey (or file)' };

/** Formats that are secrets wherever they appear: their prefixes are made to be found. */
const SHAPES: [RegExp, Kind][] = [
  [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/, KEY],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/, { what: 'a GitHub token', type: 'string (or usernamePassword)' }],
  [/\bgithub_pat_[A-Za-z0-9_]{30,}/, { what: 'a GitHub token', type: 'string (or usernamePassword)' }],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, { what: 'a GitLab token', type: 'string' }],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, { what: 'an AWS access key id', type: 'usernamePassword (or the AWS Credentials plugin)' }],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, { what: 'a Slack token', type: 'string' }],
  [/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/, { what: 'a Slack webhook URL', type: 'string' }],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, { what: 'a JSON Web Token', type: 'string' }],
  [/\bsk-[A-Za-z0-9_-]{32,}/, { what: 'an API key', type: 'string' }],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, { what: 'a Google API key', type: 'string' }],
  [/\bhf_[A-Za-z0-9]{30,}/, { what: 'a Hugging Face token', type: 'string' }],
  // The secret half of an AWS key pair has no prefix; its variable name is the tell.
  [/\bAWS_SECRET_ACCESS_KEY\s*[=:]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/, { what: 'an AWS secret access key', type: 'usernamePassword (or the AWS Credentials plugin)' }],
];

/** `scheme://user:password@host`: the password part must not be empty or a variable. */
const URL_USERINFO = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;

/**
 * `password=...`, `--password=...` or `token: ...` inside a value (a command, a query
 * string). A name ending in `-password` (`db-password`) is not taken for the option.
 */
const ASSIGNED = /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)["']?\s*[=:]\s*["']?([^\s"'&;]+)/i;

/** `Authorization: Bearer <token>` in a curl or wget command. */
const BEARER = /\bauthorization\s*:\s*bearer\s+([^\s"'\\]+)/i;

/** Keys whose value is a secret itself, when it is not a reference. */
const SECRET_KEY = /(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)$/i;

/** Keys that name a Jenkins credential or where its value goes: ids, never values. */
const CREDENTIAL_ID_KEY = /^(?:id|credential|credentialsId|[a-z]+Credential)$/;

export function findSecrets(cfg: LoadedConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inText = new Set<string>();
  // Exact positions for the unmistakable formats, comments included: they are committed too.
  cfg.text.split('\n').forEach((line, i) => {
    for (const [re, kind] of SHAPES) {
      const m = re.exec(line);
      if (!m) continue;
      inText.add(m[0]);
      out.push(problem(cfg.file, i + 1, m.index + 1, `this looks like ${kind.what}`, kind));
    }
  });
  walkStrings(cfg.data, [], (value, path) => {
    const found = classify(value, String(path[path.length - 1] ?? ''), inText);
    if (!found) return;
    const pos = positionOf(cfg, path.map(String));
    out.push(problem(cfg.file, pos.line, pos.col, `${path.join('.')} looks like it holds ${found.what}`, found));
  });
  return out;
}

function classify(value: string, key: string, alreadyFound: Set<string>): Kind | undefined {
  for (const [re, kind] of SHAPES) {
    const m = re.exec(value);
    // Reported at its exact place by the text scan; only escaped spellings reach here.
    if (m && !alreadyFound.has(m[0])) return kind;
  }
  const url = URL_USERINFO.exec(value);
  if (url && !isReference(url[1]!)) return { what: 'a password in a URL (user:password@host)', type: 'usernamePassword' };
  const assigned = ASSIGNED.exec(value);
  if (assigned && !isReference(assigned[1]!) && assigned[1]!.length >= 6) return { what: 'a password or token', type: 'string' };
  const bearer = BEARER.exec(value);
  if (bearer && !isReference(bearer[1]!) && bearer[1]!.length >= 8
    && ![...alreadyFound].some((s) => bearer[1]!.includes(s))) {
    return { what: 'a bearer token', type: 'string' };
  }
  if (SECRET_KEY.test(key) && !isReference(value) && value.length >= 6 && !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(value)) {
    return { what: 'a password or token', type: 'string' };
  }
  if (CREDENTIAL_ID_KEY.test(key) && looksRandom(value)) return { what: 'a secret value instead of a credential id', type: 'string' };
  return undefined;
}

/**
 * `$TOKEN`, `${TOKEN}`, `${env.TOKEN}`, `${TOKEN:-}`, `%TOKEN%`: the shell or Jenkins fills
 * it in; nothing is written.
 */
function isReference(value: string): boolean {
  return /^(\$[A-Za-z_][A-Za-z0-9_]*|\$\{[^}\s]+\}|%[A-Za-z_][A-Za-z0-9_]*%|\*+|<[^>]*>)$/.test(value);
}

/**
 * A long string with no words in it, as generated secrets are. Jenkins' own generated
 * credential ids are UUIDs, and hashes (git SHAs, digests) are hex: both are allowed.
 */
function looksRandom(value: string): boolean {
  if (value.length < 20) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (/^(sha256:)?[0-9a-f]+$/i.test(value)) return false;
  const classOf = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const classes = new Set([...value].map(classOf));
  let changes = 0;
  for (let i = 1; i < value.length; i++) if (classOf(value[i]!) !== classOf(value[i - 1]!)) changes++;
  // Names switch case at word boundaries; generated secrets switch every other character.
  return classes.has(1) && classes.has(2) && classes.has(3) && changes >= value.length / 3 && entropy(value) >= 3.5;
}

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

function problem(file: string, line: number, col: number, message: string, kind: Kind): Diagnostic {
  return {
    file, line, col,
    message: `${message}; secrets must not be written in mlops.yaml`,
    hint: `store it in Jenkins (Manage Jenkins > Credentials) as a ${kind.type} credential, declare `
      + 'credentials: { <name>: { id: <its id>, type: ... } } and reference <name> here; '
      + 'if it was ever committed, revoke it',
  };
}

type Path = (string | number)[];

function walkStrings(value: unknown, path: Path, visit: (s: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
  }
}
