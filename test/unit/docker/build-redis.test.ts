import { describe, expect, test } from 'vitest';
import { parseRedisPackage } from '../../../scripts/docker/build-redis.ts';

const sha = '784e17b51024ff878fd7d709a68346658fa9b21f6de740cb75e474f28790971c';

describe('parseRedisPackage', () => {
  test('upstream versions without epoch and Debian revision; the .deb address and SHA-256', () => {
    const text =
      '5:7.0.15-1~deb12u10\n' +
      `'http://deb.debian.org/debian-security/pool/updates/main/r/redis/redis-server_7.0.15-1%7edeb12u10_amd64.deb' redis-server_5%3a7.0.15-1~deb12u10_amd64.deb 78632 SHA256:${sha}\n` +
      '1.14-1+b10\n';
    expect(parseRedisPackage(text)).toEqual({
      version: '7.0.15',
      url: 'http://deb.debian.org/debian-security/pool/updates/main/r/redis/redis-server_7.0.15-1%7edeb12u10_amd64.deb',
      sha256: sha,
      gosuVersion: '1.14',
    });
  });

  test('anything else is an error that shows what the hook wrote', () => {
    expect(() => parseRedisPackage('5:7.0.15-1\nE: Unable to locate package\n')).toThrow(
      'unexpected redis-server package description from the mmdebstrap hook:\n5:7.0.15-1\nE: Unable to locate package',
    );
  });
});
