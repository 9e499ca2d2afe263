import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeJenkinsRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  jenkinsfile?: string;
}

export interface FakeJenkins {
  url: string;
  requests: FakeJenkinsRequest[];
  close(): Promise<void>;
}

export const fakeUser = 'alice';
export const fakeToken = '11aa22bb33cc';
const crumb = 'c0ffee42';
const session = 'JSESSIONID.fake=node0abc';

/** The first multipart field named `name`, parsed by hand so the test checks the wire format. */
function multipartField(body: Buffer, contentType: string, name: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return undefined;
  const sep = `--${boundary[1] ?? boundary[2]}`;
  for (const part of body.toString('utf8').split(sep)) {
    const head = part.indexOf('\r\n\r\n');
    if (head < 0) continue;
    if (!new RegExp(`Content-Disposition: form-data; name="${name}"`, 'i').test(part.slice(0, head))) {
      continue;
    }
    return part.slice(head + 4, part.endsWith('\r\n') ? -2 : undefined);
  }
  return undefined;
}

/**
 * A stand-in for Jenkins' crumb issuer and declarative validator on 127.0.0.1: basic auth with
 * one user and token, a crumb bound to a session cookie, and the validator's answers (a file
 * without `agent` is rejected the way Jenkins words it). With `csrf: false` there is no crumb
 * issuer, like a Jenkins with CSRF protection off.
 */
export async function startFakeJenkins(opts: { csrf?: boolean } = {}): Promise<FakeJenkins> {
  const requests: FakeJenkinsRequest[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${fakeUser}:${fakeToken}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const record: FakeJenkinsRequest = { method: req.method ?? '', path: req.url ?? '',
        headers: req.headers };
      requests.push(record);
      if (req.headers.authorization !== expectedAuth) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="Jenkins"' }).end('Unauthorized');
        return;
      }
      if (req.method === 'GET' && req.url === '/crumbIssuer/api/json' && opts.csrf !== false) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': `${session}; Path=/` })
          .end(JSON.stringify({ _class: 'hudson.security.csrf.DefaultCrumbIssuer', crumb,
            crumbRequestField: 'Jenkins-Crumb' }));
        return;
      }
      if (req.method === 'POST' && req.url === '/pipeline-model-converter/validate') {
        if (opts.csrf !== false && (req.headers['jenkins-crumb'] !== crumb
          || req.headers.cookie !== session)) {
          res.writeHead(403).end('No valid crumb was included in the request');
          return;
        }
        const text = multipartField(body, req.headers['content-type'] ?? '', 'jenkinsfile');
        record.jenkinsfile = text;
        if (text === undefined) {
          res.writeHead(400).end('missing jenkinsfile field');
        } else if (/\bagent\b/.test(text)) {
          res.writeHead(200, { 'Content-Type': 'text/plain' })
            .end('Jenkinsfile successfully validated.\n');
        } else {
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Errors encountered validating '
            + 'Jenkinsfile:\nWorkflowScript: 1: Missing required section "agent" @ line 1, '
            + 'column 1.\n   pipeline {\n   ^\n');
        }
        return;
      }
      res.writeHead(404).end('Not Found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
