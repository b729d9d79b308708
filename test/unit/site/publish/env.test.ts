import { describe, expect, it } from 'vitest';
import { normalizeBase, normalizeSite, readPublishTarget, readRepository, toEditUrl } from '../../../../site/lib/publish/env.ts';

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

describe('readRepository', () => {
  it('reads REPO_URL and REPO_BRANCH (main by default); none without REPO_URL', () => {
    expect(readRepository({})).toBeUndefined();
    expect(readRepository({ REPO_URL: ' ', REPO_BRANCH: 'x' })).toBeUndefined();
    expect(readRepository({ REPO_URL: 'https://github.com/you/guide/' })).toEqual({ url: 'https://github.com/you/guide', branch: 'main' });
    expect(readPublishTarget({ REPO_URL: 'https://github.com/you/guide', REPO_BRANCH: 'trunk' }).repository).toEqual({ url: 'https://github.com/you/guide', branch: 'trunk' });
  });

  it("links a page's source file on the branch, and refuses what is not a repository's address", () => {
    expect(toEditUrl({ url: 'https://github.com/you/guide', branch: 'main' }, 'content/step2.mdx')).toBe('https://github.com/you/guide/edit/main/content/step2.mdx');
    expect(() => readRepository({ REPO_URL: 'you/guide' })).toThrow('REPO_URL="you/guide" is not a repository\'s address; write e.g. REPO_URL=https://github.com/owner/repo');
  });
});
