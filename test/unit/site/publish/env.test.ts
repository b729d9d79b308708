import { describe, expect, it } from 'vitest';
import { normalizeBase, normalizeSite, readPublishTarget } from '../../../../site/lib/publish/env.ts';

describe('readPublishTarget', () => {
  it('has no address of its own when nothing is set (no localhost claimed), at the root', () => {
    expect(readPublishTarget({})).toEqual({ site: undefined, base: '/' });
    expect(readPublishTarget({ SITE_URL: '  ' }).site).toBeUndefined();
  });

  it('reads a GitHub Pages project site', () => {
    expect(readPublishTarget({ SITE_URL: 'https://you.github.io/', BASE_PATH: 'docker-links-guide' })).toEqual({
      site: 'https://you.github.io',
      base: '/docker-links-guide/',
    });
  });
});

describe('normalizeBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/docker-links-guide', '/docker-links-guide/'],
    ['docs/guide/', '/docs/guide/'],
  ])('%j -> %j', (value, base) => {
    expect(normalizeBase(value)).toBe(base);
  });

  it('refuses what is not a path, saying what to write', () => {
    expect(() => normalizeBase('https://x.org/a')).toThrow('BASE_PATH="https://x.org/a" is not a URL path; write e.g. BASE_PATH=/docker-links-guide/');
  });
});

describe('normalizeSite', () => {
  it('refuses a path in SITE_URL and says it belongs in BASE_PATH', () => {
    expect(() => normalizeSite('https://you.github.io/guide')).toThrow('put the origin in SITE_URL and the path in BASE_PATH');
  });

  it('refuses a relative URL', () => {
    expect(() => normalizeSite('you.github.io')).toThrow('is not an absolute URL');
  });
});
