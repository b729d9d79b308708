import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../../../scripts/doctest/report/junit.ts';
import { failed, passed } from './results.ts';

describe('JUnit XML', () => {
  it('one testsuite per page, one testcase per case named by file:line, the failure with its diff', () => {
    const xml = formatJunit([passed, { ...failed, name: 'content/step2.mdx:82' }], [], 3000);
    expect(xml).toContain('<testsuites name="doctest" tests="2" failures="1" errors="0" time="3.000">');
    expect(xml).toContain('<testsuite name="content/step2.mdx" tests="2" failures="1"');
    expect(xml).toContain('<testcase name="content/step2.mdx:90" classname="content/step2.mdx" time="0.420"/>');
    expect(xml).toContain(
      '<failure type="failed" message="content/step2.mdx:116: the output of `docker run --link redis-server:redis alpine cat /etc/hosts` (content/step2.mdx:90) differs from the page">',
    );
    expect(xml).toContain('+fe00::\tip6-localnet');
  });

  it('a run that stopped before any case is an error, not an empty pass', () => {
    const xml = formatJunit([], ['`docker version`: the Docker engine is not reachable; no command ran'], 50);
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="doctest" tests="1" failures="0" errors="1" time="0.050">
        <testsuite name="doctest" tests="1" failures="0" errors="1" skipped="0">
          <testcase name="doctest" classname="doctest">
            <error message="\`docker version\`: the Docker engine is not reachable; no command ran">\`docker version\`: the Docker engine is not reachable; no command ran</error>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('escapes what XML cannot hold', () => {
    const xml = formatJunit([{ ...failed, failure: { ...failed.failure!, message: 'a <b> & "c"\u001b[0m' } }], [], 1);
    expect(xml).toContain('message="a &lt;b&gt; &amp; &quot;c&quot;[0m"');
  });
});
