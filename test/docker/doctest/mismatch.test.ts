// A page whose output block no longer matches: the run fails naming the block's file:line with a
// diff and the command that updates the page; running that command restores the page exactly.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContent, pageName, root, runDoctest, withGuideLock } from './helpers.ts';

const pages = ['index.mdx', 'step1.mdx', 'step2.mdx']; // the edited page and what it needs: no more runs than the check takes

describe('an edited output block', () => {
  it('fails with its file:line and a diff, and --update writes the page back as it was', async () => {
    const content = makeContent(pages);
    const file = path.join(content, 'step2.mdx');
    const original = readFileSync(file, 'utf8');
    const [before, after] = original.split('```output docker="<28"');
    const edited = `${before}\`\`\`output docker="<28"${after!.replace('ff02::1\tip6-allnodes', 'ff02::1\tip6-allnodez')}`; // the <28 hosts block, which 20.10 takes
    writeFileSync(file, edited);
    const name = pageName(content, 'step2.mdx');
    const dir = path.relative(root, content);

    const check = await withGuideLock(() => runDoctest(['--content', content]));
    expect(check.exitCode).toBe(1);
    expect(check.output).toContain(`${name}:90 FAILED`);
    expect(check.output).toContain(`${name}:116: the output of \`docker run --link redis-server:redis alpine cat /etc/hosts\` (${name}:90) differs from the page`);
    expect(check.output).toContain('    -ff02::1\tip6-allnodez\n    +ff02::1\tip6-allnodes');
    const hint = `npm run doctest -- --content ${dir} --update ${name}`;
    expect(check.output).toContain(`to accept the actual output: ${hint}`);
    const failed = check.events.flatMap((e) => (e.kind === 'case-end' && e.result.status !== 'ok' ? [e.result.name] : []));
    expect(failed).toEqual([`${name}:90`]);

    const update = await withGuideLock(() => runDoctest(['--content', dir, '--update', name]));
    expect(update.output).toContain(`updated ${name}: 1 block rewritten from the actual output`);
    expect(update.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});
