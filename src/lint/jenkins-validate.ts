import { randomBytes } from 'node:crypto';
import type { Finding } from './finding.js';
import type { RemoteVerdict } from './report.js';
import type { SourceFile } from './groovy-syntax.js';

export interface JenkinsOptions {
  url: string;
  /** JENKINS_USER and JENKINS_TOKEN (an API token); both or neither. */
  user?: string;
  token?: string;
  /** Per request; a hung Jenkins must not hang a CI job forever. */
  timeoutMs?: number;
}

/** Jenkins could not be asked (unreachable, credentials rejected, no converter plugin). */
export class JenkinsUnavailable extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

interface Session {
  headers: Record<string, string>;
}

/**
 * Sends each file to `<url>/pipeline-model-converter/validate` (Pipeline: Model Definition's
 * own validator) as the multipart field `jenkinsfile`, with basic auth and a CSRF crumb from
 * `/crumbIssuer/api/json`, and turns its answer into a verdict and findings.
 */
export async function validateWithJenkins(files: SourceFile[], opts: JenkinsOptions):
  Promise<{ verdicts: RemoteVerdict[]; findings: Finding[] }> {
  const base = opts.url.replace(/\/+$/, '');
  const session = await openSession(base, opts);
  const verdicts: RemoteVerdict[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const form = multipart('jenkinsfile', file.text);
    const res = await request(`${base}/pipeline-model-converter/validate`, opts, {
      method: 'POST', headers: { ...session.headers, 'Content-Type': form.type },
      body: new Uint8Array(form.body),
    });
    const output = await res.text();
    if (res.status === 404) {
      throw new JenkinsUnavailable(`${base} has no declarative validator (HTTP 404)`,
        'install the Pipeline: Declarative plugin on that Jenkins, or drop --jenkins-url');
    }
    if (!res.ok) throw new JenkinsUnavailable(`Jenkins answered HTTP ${res.status} to the `
      + `validation of ${file.path}`, 'check the Jenkins log; retry without --jenkins-url');
    const valid = /successfully validated/i.test(output) && !/^Errors encountered/m.test(output);
    verdicts.push({ file: file.path, valid, output });
    if (!valid) findings.push(...toFindings(file.path, output));
  }
  return { verdicts, findings };
}

/**
 * One multipart/form-data text field, built by hand: FormData would turn the file's line
 * endings into CRLF, and the part's charset keeps non-ASCII intact on the Jenkins side.
 */
function multipart(name: string, text: string): { type: string; body: Buffer } {
  const boundary = `----mlops-jenkins-${randomBytes(12).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n`
      + 'Content-Type: text/plain; charset=UTF-8\r\n\r\n'),
    Buffer.from(text, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { type: `multipart/form-data; boundary=${boundary}`, body };
}

async function openSession(base: string, opts: JenkinsOptions): Promise<Session> {
  const headers: Record<string, string> = {};
  if (opts.user !== undefined && opts.token !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${opts.user}:${opts.token}`).toString('base64')}`;
  }
  const res = await request(`${base}/crumbIssuer/api/json`, opts, { headers });
  // 404: CSRF protection is off (or the crumb issuer is not exposed); Jenkins takes the POST.
  if (res.status === 404) return { headers };
  if (!res.ok) {
    await res.body?.cancel();
    throw authError(res.status);
  }
  const crumb = await res.json() as { crumbRequestField?: string; crumb?: string };
  if (!crumb.crumbRequestField || !crumb.crumb) {
    throw new JenkinsUnavailable(`${base}/crumbIssuer/api/json returned no crumb`,
      'is --jenkins-url the root of a Jenkins (the page that lists its jobs)?');
  }
  headers[crumb.crumbRequestField] = crumb.crumb;
  // A crumb belongs to the web session that asked for it.
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).filter(Boolean);
  if (cookies.length > 0) headers.Cookie = cookies.join('; ');
  return { headers };
}

function authError(status: number): JenkinsUnavailable {
  if (status === 401 || status === 403) {
    return new JenkinsUnavailable(`Jenkins rejected the credentials (HTTP ${status})`,
      'set JENKINS_USER to your user id and JENKINS_TOKEN to an API token from '
      + '<jenkins>/me/configure; the user needs Overall/Read');
  }
  return new JenkinsUnavailable(`Jenkins answered HTTP ${status} for the CSRF crumb`,
    'check --jenkins-url; it is the root URL of the Jenkins');
}

async function request(url: string, opts: JenkinsOptions, init: RequestInit): Promise<Response> {
  try {
    const res = await fetch(url, { ...init, redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw authError(res.status);
    }
    return res;
  } catch (e) {
    if (e instanceof JenkinsUnavailable) throw e;
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new JenkinsUnavailable(`cannot reach Jenkins at ${new URL(url).origin} (${cause})`,
      'check --jenkins-url and that this machine can reach it; the offline checks still ran');
  }
}

/** Jenkins' errors read `WorkflowScript: 4: message @ line 4, column 3.` */
function toFindings(file: string, output: string): Finding[] {
  const out: Finding[] = [];
  for (const m of output.matchAll(/^WorkflowScript: \d+: (.*?) @ line (\d+), column (\d+)\.$/gm)) {
    out.push({ file, line: Number(m[2]), col: Number(m[3]), rule: 'jenkins-validator',
      severity: 'error', message: `Jenkins: ${m[1]}`,
      hint: 'Jenkins itself rejects this; see the Pipeline Syntax reference' });
  }
  if (out.length === 0) {
    out.push({ file, line: 1, col: 1, rule: 'jenkins-validator', severity: 'error',
      message: `Jenkins: ${output.trim().split('\n').slice(0, 3).join(' ')}`,
      hint: 'Jenkins itself rejects this file' });
  }
  return out;
}
