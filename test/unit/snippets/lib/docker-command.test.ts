import { describe, expect, it } from 'vitest';
import { describeCommand, splitWords } from '../../../../snippets/lib/docker-command.mjs';

describe('describeCommand', () => {
  it('reads the name, detach and image of step 1', () => {
    expect(describeCommand('docker run -d --name redis-server redis')).toEqual({
      kind: 'run', detached: true, tty: false, ports: [], published: [], links: [], linked: [], networkAliases: [], volumes: [], name: 'redis-server', image: 'redis', args: [],
    });
  });

  it('reads each link with its alias, each published port with both sides, and the command after the image', () => {
    expect(describeCommand('docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example')).toMatchObject({
      published: [{ host: 3000, container: 3000 }], linked: [{ name: 'redis-server', alias: 'redis' }], args: [],
    });
    expect(describeCommand('docker run --link redis-server -p 127.0.0.1:8080:3000/tcp -p 53 alpine ping -c 1 redis')).toMatchObject({
      ports: [8080], published: [{ host: 8080, container: 3000 }, { container: 53 }], links: ['redis-server'], linked: [{ name: 'redis-server', alias: 'redis-server' }], args: ['ping', '-c', '1', 'redis'],
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
    expect(describeCommand('docker rm -f redis-server')).toEqual({ kind: 'rm', names: ['redis-server'], volumes: false });
    expect(describeCommand('docker rm -f -v counter redis-db')).toEqual({ kind: 'rm', names: ['counter', 'redis-db'], volumes: true });
    expect(describeCommand('docker container rm -fv a')).toEqual({ kind: 'rm', names: ['a'], volumes: true });
    expect(describeCommand('docker rm --force --volumes a')).toMatchObject({ volumes: true });
    expect(describeCommand("docker ps -aq | xargs docker rm -f")).toEqual({ kind: 'other' });
    expect(describeCommand('curl localhost:3000')).toEqual({ kind: 'other' });
  });
});

describe('describeCommand on networks', () => {
  it('reads the network a container joins, and ignores the built-in ones', () => {
    expect(describeCommand('docker run -d --name redis-db --network guide-net --network-alias redis redis')).toEqual({
      kind: 'run', detached: true, tty: false, ports: [], published: [], links: [], linked: [], networkAliases: ['redis'], volumes: [], name: 'redis-db', network: 'guide-net', image: 'redis', args: [],
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

describe('describeCommand on volumes', () => {
  it('reads the named volumes a container mounts with -v and --mount, not host paths nor anonymous ones', () => {
    expect(describeCommand('docker run -d --name a -v data:/data redis')).toMatchObject({ name: 'a', volumes: ['data'], image: 'redis' });
    expect(describeCommand('docker run -d --mount source=data,target=/data --mount type=volume,src=logs,dst=/logs redis')).toMatchObject({ volumes: ['data', 'logs'] });
    expect(describeCommand('docker run --volume=data:/data:ro -dv cache:/cache redis')).toMatchObject({ volumes: ['data', 'cache'], detached: true });
    expect(describeCommand('docker run -v /srv/data:/data -v ./dir:/dir -v ~/x:/x -v /data redis')).toMatchObject({ volumes: [], image: 'redis' });
    expect(describeCommand('docker run --mount type=bind,source=/srv,target=/srv --mount type=tmpfs,target=/t redis')).toMatchObject({ volumes: [] });
    expect(describeCommand('docker run -v data:/a -v data:/b --volumes-from other redis')).toMatchObject({ volumes: ['data'], image: 'redis' });
  });

  it('reads docker volume create (named, --name, or unnamed) and rm', () => {
    expect(describeCommand('docker volume create guide-data')).toEqual({ kind: 'volume-create', name: 'guide-data' });
    expect(describeCommand('docker volume create --driver local --label a=b guide-data')).toEqual({ kind: 'volume-create', name: 'guide-data' });
    expect(describeCommand('docker volume create --name=guide-data')).toEqual({ kind: 'volume-create', name: 'guide-data' });
    expect(describeCommand('docker volume create')).toEqual({ kind: 'volume-create' });
    expect(describeCommand('docker volume rm -f guide-data other')).toEqual({ kind: 'volume-rm', names: ['guide-data', 'other'] });
    expect(describeCommand('docker volume ls')).toEqual({ kind: 'other' });
    expect(describeCommand('docker volume rm')).toEqual({ kind: 'other' });
  });
});

describe('describeCommand on images', () => {
  it('reads the tags docker build gives, as docker image ls shows them', () => {
    expect(describeCommand('docker build -t guide-app .')).toEqual({ kind: 'build', tags: ['guide-app:latest'] });
    expect(describeCommand('docker image build --tag=guide-app:1 -t docker.io/library/guide-app:2 -f Dockerfile.x --build-arg A=b dir')).toEqual({
      kind: 'build', tags: ['guide-app:1', 'guide-app:2'],
    });
    expect(describeCommand('docker build -tme/app:dev .')).toEqual({ kind: 'build', tags: ['me/app:dev'] });
    expect(describeCommand('docker build -f Dockerfile .')).toEqual({ kind: 'other' }); // no tag: nothing by name
    expect(describeCommand('docker build -t localhost:5000/app .')).toEqual({ kind: 'build', tags: ['localhost:5000/app:latest'] });
  });

  it('reads docker image rm and docker rmi', () => {
    expect(describeCommand('docker image rm guide-app')).toEqual({ kind: 'image-rm', names: ['guide-app:latest'] });
    expect(describeCommand('docker image rm sha256:0123456789abcdef')).toEqual({ kind: 'image-rm', names: ['sha256:0123456789abcdef'] });
    expect(describeCommand('docker rmi -f guide-app:1 guide-app:2')).toEqual({ kind: 'image-rm', names: ['guide-app:1', 'guide-app:2'] });
    expect(describeCommand('docker image ls')).toEqual({ kind: 'other' });
  });
});

describe('splitWords', () => {
  it('joins quoted parts into one word and splits operators', () => {
    expect(splitWords(`a 'b c'"d" e|f`)).toEqual(['a', 'b cd', 'e', '|', 'f']);
  });
});
