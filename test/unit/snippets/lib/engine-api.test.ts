import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSocket, requestEngine, warmUpEngineApi } from '../../../../snippets/lib/engine-api.mjs';
import { inspectContainers, listContainerIds } from '../../../../snippets/lib/engine.mjs';
import { listImages } from '../../../../snippets/lib/engine-storage.mjs';

describe('chooseSocket: the engine is asked on its API only where the docker CLI would use a unix socket', () => {
  const there = () => true;
  it('DOCKER_HOST=unix://… is that socket; tcp:// and ssh:// are the CLI\'s', () => {
    expect(chooseSocket({ DOCKER_HOST: 'unix:///run/guide-engines/trixie.sock' }, {}, there)).toBe('/run/guide-engines/trixie.sock');
    expect(chooseSocket({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }, {}, there)).toBeUndefined();
    expect(chooseSocket({ DOCKER_HOST: 'ssh://me@box' }, {}, there)).toBeUndefined();
  });
  it('without DOCKER_HOST: the default socket, unless a context other than the default is chosen or it is not there', () => {
    expect(chooseSocket({}, {}, there)).toBe('/var/run/docker.sock');
    expect(chooseSocket({}, { currentContext: 'default' }, there)).toBe('/var/run/docker.sock');
    expect(chooseSocket({}, { currentContext: 'desktop-linux' }, there)).toBeUndefined();
    expect(chooseSocket({ DOCKER_CONTEXT: 'rootless' }, {}, there)).toBeUndefined();
    expect(chooseSocket({}, {}, () => false)).toBeUndefined();
  });
});

// A stand-in engine API on a unix socket: each path answers what `routes` says.
const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-engine-api-'));
const socket = path.join(dir, 'engine.sock');
const routes = new Map<string, [number, unknown]>();
const asked: string[] = [];
let server: Server;
let savedHost: string | undefined;
beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const [status, body] = routes.get(request.url ?? '') ?? [404, { message: `No such object: ${request.url}` }];
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  savedHost = process.env.DOCKER_HOST;
  process.env.DOCKER_HOST = `unix://${socket}`;
});
afterAll(async () => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = savedHost;
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('requestEngine: one GET on the socket, never throws', () => {
  it('gives the status and the JSON', async () => {
    routes.set('/info', [200, { ID: 'ABCD', ServerVersion: '29.7.2' }]);
    expect(await requestEngine(socket, '/info', 2000)).toEqual({ status: 200, body: { ID: 'ABCD', ServerVersion: '29.7.2' } });
  });
  it('says, as the docker CLI does, that no engine listens on a socket', async () => {
    expect(await requestEngine(path.join(dir, 'none.sock'), '/info', 2000)).toEqual({
      status: 0,
      problem: `Cannot connect to the Docker daemon at unix://${dir}/none.sock. Is the docker daemon running?`,
    });
  });
});

describe('warmUpEngineApi: a waiting process asks /_ping once, and never fails', () => {
  it('asks the engine DOCKER_HOST names for /_ping, and nothing else', async () => {
    asked.length = 0;
    routes.set('/_ping', [200, 'OK']);
    await warmUpEngineApi({ DOCKER_HOST: `unix://${socket}` });
    expect(asked).toEqual(['/_ping']);
  });
  it('resolves when no engine answers, and asks nothing of an engine reached through the CLI', async () => {
    await expect(warmUpEngineApi({ DOCKER_HOST: `unix://${path.join(dir, 'none.sock')}` })).resolves.toBeUndefined();
    asked.length = 0;
    await expect(warmUpEngineApi({ DOCKER_HOST: 'tcp://127.0.0.1:1' })).resolves.toBeUndefined();
    expect(asked).toEqual([]);
  });
});

describe('the queries, on the API', () => {
  it('read a container as the CLI\'s inspect reads it, and a name that does not exist as none', async () => {
    routes.set('/containers/redis-server/json', [
      200,
      {
        Id: 'a'.repeat(64),
        Name: '/redis-server',
        Config: { Image: 'redis' },
        Image: 'sha256:1',
        State: { Status: 'running', Running: true },
        HostConfig: { Links: null, PortBindings: { '6379/tcp': [{ HostIp: '', HostPort: '6380' }] } },
        NetworkSettings: { Networks: { bridge: {} } },
        Mounts: [{ Type: 'volume', Name: 'b'.repeat(64) }],
        Created: '2026-12-05T10:00:00.5Z',
      },
    ]);
    expect(await inspectContainers(['redis-server', 'no-such'])).toEqual([
      {
        id: 'a'.repeat(64),
        name: 'redis-server',
        image: 'redis',
        imageId: 'sha256:1',
        status: 'running',
        running: true,
        links: [],
        ports: [6380],
        networks: ['bridge'],
        volumes: ['b'.repeat(64)],
        created: Date.parse('2026-12-05T10:00:00.5Z'),
      },
    ]);
  });
  it('an engine that fails otherwise is an Error naming the docker command and what the engine said', async () => {
    routes.set('/containers/broken/json', [500, { message: 'driver failed' }]);
    await expect(inspectContainers(['broken'])).rejects.toThrow('`docker container inspect` failed: driver failed');
    routes.set('/containers/json?all=1', [500, { message: 'engine busy' }]);
    await expect(listContainerIds()).rejects.toThrow('`docker ps -aq` failed: engine busy');
  });
  it('list every container and every image with its tags, none for an untagged one', async () => {
    routes.set('/containers/json?all=1', [200, [{ Id: 'c1' }, { Id: 'c2' }]]);
    expect(await listContainerIds()).toEqual(['c1', 'c2']);
    routes.set('/images/json?all=1', [200, [{ Id: 'sha256:1', RepoTags: ['redis:latest', 'redis:7'] }, { Id: 'sha256:2', RepoTags: ['<none>:<none>'] }, { Id: 'sha256:3', RepoTags: null }]]);
    expect(await listImages()).toEqual([
      { id: 'sha256:1', tags: ['redis:latest', 'redis:7'] },
      { id: 'sha256:2', tags: [] },
      { id: 'sha256:3', tags: [] },
    ]);
  });
});
