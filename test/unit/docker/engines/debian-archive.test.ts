import { describe, expect, test } from 'vitest';
import { findPackage, upstreamVersion } from '../../../../scripts/docker/engines/debian-archive.ts';

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
