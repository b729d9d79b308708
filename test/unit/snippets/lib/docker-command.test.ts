import { describe, expect, it } from 'vitest';
import { describeCommand, splitWords } from '../../../../snippets/lib/docker-command.mjs';

describe('describeCommand', () => {
  it('reads the name, detach and image of step 1', () => {
    expect(describeCommand('docker run -d --name redis-server redis')).toEqual({
      kind: 'run', detached: true, tty: false, ports: [], links: [], name: 'redis-server', image: 'redis',
    });
  });

  it('reads the published port and the link target of step 3', () => {
    expect(describeCommand('docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example')).toMatchObject({
      detached: true, ports: [3000], links: ['redis-server'], image: 'katacoda/redis-node-docker-example',
    });
  });

  it('reads combined short flags, --opt=value, quoted values and continuations', () => {
    expect(describeCommand('docker run --name=a -dp 127.0.0.1:8080:80/tcp -e "A=b c" \\\n  nginx:1 sh')).toMatchObject({
      name: 'a', detached: true, ports: [8080], image: 'nginx:1',
    });
    expect(describeCommand('docker run -it --link redis-server:redis redis redis-cli -h redis')).toMatchObject({ tty: true, detached: false, image: 'redis' });
  });

  it('knows docker rm, and leaves pipelines and other programs alone', () => {
    expect(describeCommand('docker rm -f redis-server')).toEqual({ kind: 'rm', names: ['redis-server'] });
    expect(describeCommand("docker ps -aq | xargs docker rm -f")).toEqual({ kind: 'other' });
    expect(describeCommand('curl localhost:3000')).toEqual({ kind: 'other' });
  });
});

describe('describeCommand on networks', () => {
  it('reads the network a container joins, and ignores the built-in ones', () => {
    expect(describeCommand('docker run -d --name redis-db --network guide-net --network-alias redis redis')).toEqual({
      kind: 'run', detached: true, tty: false, ports: [], links: [], name: 'redis-db', network: 'guide-net', image: 'redis',
    });
    expect(describeCommand('docker run --rm --net=guide-net alpine env')).toMatchObject({ network: 'guide-net', image: 'alpine', detached: false });
    expect(describeCommand('docker run --network host alpine env')).not.toHaveProperty('network');
    expect(describeCommand('docker run --network container:redis-db alpine env')).not.toHaveProperty('network');
  });

  it('reads docker network create and rm, skipping option values', () => {
    expect(describeCommand('docker network create guide-net')).toEqual({ kind: 'network-create', name: 'guide-net' });
    expect(describeCommand('docker network create -d bridge --subnet 10.9.0.0/24 guide-net')).toEqual({ kind: 'network-create', name: 'guide-net' });
    expect(describeCommand('docker network rm guide-net other')).toEqual({ kind: 'network-rm', names: ['guide-net', 'other'] });
    expect(describeCommand('docker network ls')).toEqual({ kind: 'other' });
    expect(describeCommand('docker network create')).toEqual({ kind: 'other' });
  });
});

describe('splitWords', () => {
  it('joins quoted parts into one word and splits operators', () => {
    expect(splitWords(`a 'b c'"d" e|f`)).toEqual(['a', 'b cd', 'e', '|', 'f']);
  });
});
