import { describe, expect, test } from 'vitest';
import { engineMirror, findPackage, publicDebianMirror, upstreamVersion } from '../../../../scripts/docker/engines/debian-archive.ts';

const packages = `Package: docker-compose
Version: 2.26.1-4
Filename: pool/main/d/docker-compose/docker-compose_2.26.1-4_amd64.deb
SHA256: ${'a'.repeat(64)}

Package: docker.io
Version: 26.1.5+dfsg1-9+b9
Filename: pool/main/d/docker.io/docker.io_26.1.5+dfsg1-9+b9_amd64.deb
SHA256: ${'b'.repeat(64)}

Package: docker.io
Version: 26.1.5+dfsg1-10
Filename: pool/main/d/docker.io/docker.io_26.1.5+dfsg1-10_amd64.deb
SHA256: ${'c'.repeat(64)}
`;

describe('the Packages index', () => {
  test('finds the highest version of a package with its file and SHA-256', () => {
    expect(findPackage(packages, 'docker.io')).toEqual({
      name: 'docker.io',
      version: '26.1.5+dfsg1-10',
      filename: 'pool/main/d/docker.io/docker.io_26.1.5+dfsg1-10_amd64.deb',
      sha256: 'c'.repeat(64),
    });
    expect(findPackage(packages, 'podman')).toBeUndefined();
  });

  test('upstreamVersion drops epoch, repack suffix and Debian revision', () => {
    expect(upstreamVersion('28.5.2+dfsg4-5')).toBe('28.5.2');
    expect(upstreamVersion('20.10.24+dfsg1-1+deb12u1+b6')).toBe('20.10.24');
    expect(upstreamVersion('5:7.0.15-1~deb12u4')).toBe('7.0.15');
  });
});

describe('bookworm\'s docker.io', () => {
  // as dists/bookworm/main/binary-amd64/Packages lists it once a point release has folded in a fix
  const bookworm = `Package: docker.io
Version: 20.10.24+dfsg1-1
Filename: pool/main/d/docker.io/docker.io_20.10.24+dfsg1-1_amd64.deb
SHA256: ${'d'.repeat(64)}

Package: docker.io
Version: 20.10.24+dfsg1-1+deb12u1+b6
Filename: pool/main/d/docker.io/docker.io_20.10.24+dfsg1-1+deb12u1+b6_amd64.deb
SHA256: ${'e'.repeat(64)}
`;

  test('the point release\'s build is picked, and it is 20.10', () => {
    const pkg = findPackage(bookworm, 'docker.io');
    expect(pkg?.version).toBe('20.10.24+dfsg1-1+deb12u1+b6');
    expect(upstreamVersion(pkg!.version)).toBe('20.10.24');
  });
});

describe('the mirror engines come from', () => {
  const apt = [
    { uri: 'http://mirror.local/debian', suite: 'bookworm', components: ['main'] },
    { uri: 'http://mirror.local/debian-security', suite: 'bookworm-security', components: ['main'] },
  ];

  test('apt\'s Debian mirror when it has one (a local mirror needs nothing else)', () => {
    expect(engineMirror(apt, 'bookworm')).toBe('http://mirror.local/debian');
  });

  test('Debian\'s own mirror on a machine whose apt serves no Debian (an Ubuntu CI runner)', () => {
    const ubuntu = [{ uri: 'http://azure.archive.ubuntu.com/ubuntu', suite: 'noble', components: ['main', 'universe'] }];
    expect(engineMirror(ubuntu, 'bookworm')).toBe(publicDebianMirror);
    expect(publicDebianMirror).toBe('https://deb.debian.org/debian');
  });
});
