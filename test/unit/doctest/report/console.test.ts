import { describe, expect, it } from 'vitest';
import { createConsoleReporter, formatConsoleEvent } from '../../../../scripts/doctest/report/console.ts';
import { failed, passed, timedOut } from './results.ts';

describe('console reporter', () => {
  it('prints one progress line per passing case', () => {
    expect(formatConsoleEvent({ kind: 'case-end', result: passed })).toBe('content/step2.mdx:90 ok 0.42s');
  });

  it('prints a mismatch as its file:line, the diff, then the command that updates the page', () => {
    expect(formatConsoleEvent({ kind: 'case-end', result: failed })).toMatchInlineSnapshot(`
      "content/step2.mdx:90 FAILED 0.42s
          content/step2.mdx:116: the output of \`docker run --link redis-server:redis alpine cat /etc/hosts\` (content/step2.mdx:90) differs from the page
          --- content/step2.mdx:116	page
          +++ actual	Docker 20.10.24
          @@ -1,8 +1,8 @@
           127.0.0.1	localhost
           ::1	localhost ip6-localhost ip6-loopback
          -fe00::0	ip6-localnet
          -ff00::0	ip6-mcastprefix
          +fe00::	ip6-localnet
          +ff00::	ip6-mcastprefix
           ff02::1	ip6-allnodes
           ff02::2	ip6-allrouters
           [IPV4:redis]	redis [SHORT_ID] redis-server
           [IPV4]	[SHORT_ID]
          to accept the actual output: npm run doctest -- --update content/step2.mdx"
    `);
  });

  it('prints a timeout with its cause', () => {
    expect(formatConsoleEvent({ kind: 'case-end', result: timedOut })).toMatchInlineSnapshot(`
      "content/step2.mdx:90 TIMEOUT 2.00s
          content/step2.mdx:90: \`docker run\` timed out after 2s (timeout=2) and was killed
          cause: the command did not finish before its deadline"
    `);
  });

  it('writes nothing for a passing snippet, one line for the summary', () => {
    const lines: string[] = [];
    const report = createConsoleReporter((t) => lines.push(t));
    report({ kind: 'snippet-end', snippet: 'step1', ok: true, durationMs: 300 });
    report({ kind: 'run-end', passed: 9, failed: 1, durationMs: 3120 });
    expect(lines).toEqual(['doctest: 9 passed, 1 failed in 3.12s\n']);
  });
});
