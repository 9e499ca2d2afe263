// A loopback stand-in for the few MLflow 2.x REST endpoints continuous training uses:
// registered models, model versions, aliases and runs. It keeps state per registered model
// and records each request (method, path, query or body) for exact assertions.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loopbackServer } from './support.js';

export interface MlflowModel {
  versions: { version: string; run_id: string }[];
  aliases: Record<string, string>;
}

export interface MlflowCall {
  method: string;
  path: string;
  params: Record<string, string>;
}

export async function mlflowServer(runs: Record<string, Record<string, number>>) {
  const server = await loopbackServer();
  const models: Record<string, MlflowModel> = {};
  const calls: MlflowCall[] = [];
  const reply = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', server.url);
    const path = url.pathname.replace('/api/2.0/mlflow/', '');
    const params: Record<string, string> = req.method === 'GET'
      ? Object.fromEntries(url.searchParams) : (JSON.parse(raw || '{}') as Record<string, string>);
    calls.push({ method: req.method ?? '', path, params });
    const model = models[params.name ?? ''];
    const route = `${req.method} ${path}`;
    if (route === 'POST registered-models/create') {
      if (model) return reply(res, 400, { error_code: 'RESOURCE_ALREADY_EXISTS' });
      models[params.name!] = { versions: [], aliases: {} };
      return reply(res, 200, { registered_model: { name: params.name } });
    }
    if (!model) return reply(res, 404, { error_code: 'RESOURCE_DOES_NOT_EXIST' });
    if (route === 'POST model-versions/create') {
      const version = String(model.versions.length + 1);
      model.versions.push({ version, run_id: params.run_id! });
      return reply(res, 200, { model_version: { version, run_id: params.run_id } });
    }
    if (route === 'GET registered-models/alias') {
      const version = model.aliases[params.alias!];
      const found = model.versions.find((v) => v.version === version);
      if (!found) return reply(res, 404, { error_code: 'RESOURCE_DOES_NOT_EXIST' });
      return reply(res, 200, { model_version: found });
    }
    if (route === 'POST registered-models/alias') {
      model.aliases[params.alias!] = params.version!;
      return reply(res, 200, {});
    }
    return reply(res, 404, { error_code: 'ENDPOINT_NOT_FOUND' });
  };

  server.setHandler((req, res) => {
    const url = new URL(req.url ?? '/', server.url);
    if (req.method === 'GET' && url.pathname === '/api/2.0/mlflow/runs/get') {
      const id = url.searchParams.get('run_id') ?? '';
      calls.push({ method: 'GET', path: 'runs/get', params: { run_id: id } });
      const metrics = Object.entries(runs[id] ?? {}).map(([key, value]) => ({ key, value }));
      return reply(res, runs[id] ? 200 : 404, { run: { info: { run_id: id }, data: { metrics } } });
    }
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => handle(req, res, raw));
  });
  return { url: server.url, models, calls, close: server.close };
}
