// The "When it goes wrong" errors are doc-tested like any output: an error message that drifts
// from the page fails its case with the block's file:line and a diff, and what a provoked error
// leaves on the engine (the Created container of a port clash) is removed by the run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerIds, makeContent, pageName, runDoctest, withGuideLock } from './helpers.ts';

const pages = ['index.mdx', 'step1.mdx', 'step2.mdx', 'step3.mdx', 'step4.mdx'];
const allocated = 'Bind for [..]:3000 failed: port is already allocated'; // the address Docker tried first: 0.0.0.0, or :: beside it

describe('an edited troubleshooting output block', () => {
  it('fails with its file:line and a diff; the other provoked errors still pass, and the run leaves no container', async () => {
    const content = makeContent(pages);
    const file = path.join(content, 'step3.mdx');
    const original = readFileSync(file, 'utf8');
    const [before, after] = original.split('```output docker="<29.6" exit=125');
    writeFileSync(file, `${before}\`\`\`output docker="<29.6" exit=125${after!.replace(allocated, 'Bind for [..]:3000 failed: port is already in use')}`); // the block 20.10 takes
    const name = pageName(content, 'step3.mdx');
    const blockLine = original.split('\n').findIndex((line) => line === '```output docker="<29.6" exit=125') + 1;
    const commandLine = original.split('\n').indexOf('docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example', 20) + 1; // the second one: the port clash

    const { check, left, had } = await withGuideLock(async () => {
      const had = containerIds();
      const check = await runDoctest(['--content', content, file]);
      return { check, had, left: containerIds() };
    });
    expect(check.exitCode).toBe(1);
    expect(check.output).toContain(`${name}:${commandLine} FAILED`);
    expect(check.output).toContain(`${name}:${blockLine}: the output of \`docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example\` (${name}:${commandLine}) differs from the page`);
    expect(check.output).toContain('    -docker: Error response from daemon: [..]Bind for [..]:3000 failed: port is already in use\n');
    expect(check.output).toMatch(/\n {4}\+docker: Error response from daemon: .*Bind for \S+:3000 failed: port is already allocated\n/);
    const results = check.events.flatMap((e) => (e.kind === 'case-end' ? [[e.result.name, e.result.status]] : []));
    expect(results.filter(([, status]) => status !== 'ok')).toEqual([[`${name}:${commandLine}`, 'failed']]);
    expect(results.map(([case_]) => case_)).toContain(`${name}:${original.split('\n').indexOf('docker run --pull never katacoda/redis-node-docker-exampel') + 1}`); // the page's other error ran, and passed
    expect(left).toEqual(had); // the Created container of the clash went with the run's others
  }, 900_000);
});
