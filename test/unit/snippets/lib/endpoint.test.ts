import { describe, expect, it } from 'vitest';
import { classifyEndpoint, describeRemote } from '../../../../snippets/lib/endpoint.mjs';

describe('classifyEndpoint: is the engine\'s published port on this machine', () => {
  it('takes sockets as local (Docker Desktop, rootless, the default engine)', () => {
    expect(classifyEndpoint('unix:///var/run/docker.sock', 'DOCKER_HOST').remote).toBe(false);
    expect(classifyEndpoint('unix:///run/user/1000/docker.sock', 'docker context rootless').remote).toBe(false);
    expect(classifyEndpoint('npipe:////./pipe/docker_engine', 'docker context default').remote).toBe(false);
  });
  it('takes tcp:// and ssh:// to this machine as local', () => {
    expect(classifyEndpoint('tcp://127.0.0.1:2375', 'DOCKER_HOST').remote).toBe(false);
    expect(classifyEndpoint('tcp://localhost:2376', 'DOCKER_HOST').remote).toBe(false);
    expect(classifyEndpoint('tcp://[::1]:2375', 'DOCKER_HOST').remote).toBe(false);
  });
  it('names the machine of a remote engine', () => {
    expect(classifyEndpoint('ssh://me@build.example:22', 'docker context build')).toEqual({ host: 'ssh://me@build.example:22', source: 'docker context build', remote: true, machine: 'build.example' });
    expect(classifyEndpoint('tcp://10.0.0.5:2376', 'DOCKER_HOST')).toMatchObject({ remote: true, machine: '10.0.0.5' });
  });
});

describe('describeRemote', () => {
  const remote = classifyEndpoint('ssh://me@build.example', 'docker context build');
  it('says where the ports are and how to reach them, for a step that checks one', () => {
    expect(describeRemote(remote, { ports: [3000], urls: ['http://localhost:3000'] })).toBe(
      'the engine is remote (ssh://me@build.example, from docker context build): the ports it publishes (3000) are on build.example, so this machine\'s localhost reaches them only through a tunnel, for example `ssh -N -L 3000:localhost:3000 build.example`; the port check on this machine is skipped',
    );
  });
  it('says nothing for a local engine, or a step with no port', () => {
    expect(describeRemote(classifyEndpoint('unix:///var/run/docker.sock', 'x'), { ports: [3000], urls: [] })).toBeUndefined();
    expect(describeRemote(remote, { ports: [], urls: [] })).toBeUndefined();
  });
});
