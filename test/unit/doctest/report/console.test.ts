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

  it('a run of some cases says how many of how many, what selected them and what runs first as set-up', () => {
    const start = { kind: 'run-start' as const, engine: '28.5.2', mode: 'check' as const, contentDir: 'content', cases: ['content/step2.mdx:90'] };
    expect(formatConsoleEvent({ ...start, cases: ['a', 'b'] })).toBe('doctest: 2 cases from content/ on Docker 28.5.2 (check)');
    expect(formatConsoleEvent({ ...start, selection: { of: 19, pages: ['content/step2.mdx'], grep: 'hosts', setup: ['step1'] } })).toMatchInlineSnapshot(
      `"doctest: 1 of 19 cases selected (content/step2.mdx, --grep hosts) from content/ on Docker 28.5.2 (check); set-up first: step1 (their commands run; they are not cases of this run)"`,
    );
    expect(formatConsoleEvent({ ...start, selection: { of: 19, pages: [], grep: '/hosts/', setup: [] } })).toBe(
      'doctest: 1 of 19 cases selected (--grep /hosts/) from content/ on Docker 28.5.2 (check)',
    );
  });

  it('a set-up command: one line, its exit status when not 0', () => {
    const setup = { kind: 'setup', name: 'content/step1.mdx:15', command: 'docker run -d --name redis-server redis', snippet: 'step1', exitCode: 0, durationMs: 520 } as const;
    expect(formatConsoleEvent(setup)).toBe('content/step1.mdx:15 ran as set-up, not a case of this run 0.52s');
    expect(formatConsoleEvent({ ...setup, exitCode: 1 })).toBe('content/step1.mdx:15 ran as set-up, not a case of this run 0.52s (exit 1)');
  });

  it('the record of a run of some cases names the pages it left as they were', () => {
    const recorded = { kind: 'recorded', engine: '28.5.2', proof: 'live', file: 'verification/record.json', copy: 'reports/verification.json', pages: 1 } as const;
    expect(formatConsoleEvent(recorded)).toBe('recorded: Docker 28.5.2, 1 page, in verification/record.json (copy: reports/verification.json)');
    expect(formatConsoleEvent({ ...recorded, kept: ['step1', 'step3'] })).toMatchInlineSnapshot(
      `"recorded: Docker 28.5.2, 1 page, in verification/record.json (copy: reports/verification.json); not run in full, so left as recorded before: step1, step3"`,
    );
    expect(formatConsoleEvent({ ...recorded, pages: 0, kept: [] })).toBe(
      'recorded: Docker 28.5.2, 0 pages, in verification/record.json (copy: reports/verification.json); the pages not run in full are not in it',
    );
  });
});
