import { describe, expect, it } from 'vitest';
import { createGithubReporter, formatAnnotation, isGithubActions } from '../../../../scripts/doctest/report/github.ts';
import { failed, passed } from './results.ts';

describe('GitHub Actions annotations', () => {
  it('puts the failure on the output block line, newlines and % escaped', () => {
    const lines: string[] = [];
    const report = createGithubReporter((t) => lines.push(t));
    report({ kind: 'case-end', result: passed });
    report({ kind: 'case-end', result: failed });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.split('::').slice(0, 2).join('::')).toBe('::error file=content/step2.mdx,line=116,title=doctest content/step2.mdx%3A90');
    expect(lines[0]).toContain('differs from the page%0A--- content/step2.mdx:116');
    expect(lines[0]).not.toMatch(/\n./);
  });

  it('escapes properties and data', () => {
    expect(formatAnnotation('a,b.mdx', 3, 't:1', '100% done\r\n')).toBe('::error file=a%2Cb.mdx,line=3,title=t%3A1::100%25 done%0D%0A');
  });

  it('is on only in GitHub Actions', () => {
    expect(isGithubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isGithubActions({})).toBe(false);
  });
});
