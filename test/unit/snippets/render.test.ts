import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { parsePage } from '../../../scripts/page/parse.ts';
import { renderCleanup, renderSnippets, renderStep, renderTroubleshoot } from '../../../scripts/snippets/render.ts';
import { discoverPages } from '../../../scripts/page/discover.ts';

const fence = '```';
const root = path.resolve(import.meta.dirname, '../../..');

function page(file: string, frontmatter: string, body: string) {
  const parsed = parsePage(file, `---\n${frontmatter}\n---\n${body}`);
  expect(parsed.errors).toEqual([]);
  return parsed.page;
}

const one = page('content/one.mdx', 'title: One\ndescription: Starts it.\nstep: 1\nsnippet: one\nneeds: []', `\n${fence}sh ready="docker exec db true" timeout=20\ndocker run -d --name db redis\n${fence}\n`);
const two = page(
  'content/two.mdx',
  'title: Two\ndescription: Uses it.\nstep: 2\nsnippet: two\nneeds: [one]',
  `${fence}sh\necho \`date\` \\\n  done\ncurl localhost:3000\n${fence}\n${fence}output exit=7\nx\n${fence}\n${fence}sh snippet="cleanup"\ndocker rm -f db\n${fence}\n`,
);

describe('renderStep', () => {
  it('names the next step that has a script, for the end of the run', () => {
    expect(renderStep(one, [one, two]).text).toContain("summary: 'Starts it.', next: { snippet: 'two', title: 'step 2, Two' } });");
  });

  it('writes one call per command under its file:line, set-up first, text verbatim', () => {
    expect(renderStep(two, [one, two]).text).toBe(`#!/usr/bin/env zx
// Two: Uses it.
//
// Generated from content/two.mdx by \`npm run snippets\`; edit the page, not this file.
// Run it: npx zx snippets/two.mjs (or node snippets/two.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'two', file: 'content/two.mdx', title: 'Two', snippet: 'two', summary: 'Uses it.' });

// Set-up from step 1, "One" (content/one.mdx), which this step needs:
// content/one.mdx:10
step.setup(\`docker run -d --name db redis\`, { id: 'content/one.mdx:9#1', at: 'content/one.mdx:10', from: 'one', ready: 'docker exec db true', timeout: 20 });

// content/two.mdx:9
step.command('echo \`date\` \\\\\\n  done', { id: 'content/two.mdx:8#1', at: 'content/two.mdx:9', exit: 7 });

// content/two.mdx:11
step.command(\`curl localhost:3000\`, { id: 'content/two.mdx:8#2', at: 'content/two.mdx:11' });

await step.run();
`);
  });

  it('names the file after the page snippet', () => {
    expect(renderStep(one, [one]).path).toBe('snippets/one.mjs');
  });

  it('forgets what a page removes when the page cleans up after itself, and only then', () => {
    const selfCleaning = page('content/net.mdx', 'title: Net\ndescription: Cleans up.\nsnippet: net\nneeds: []', `${fence}sh\ndocker network create n\ndocker rm -f db\ndocker network rm n\n${fence}\n`);
    expect(renderStep(selfCleaning, [selfCleaning]).text).toMatch(/await step\.run\(\{ forgetRemoved: true \}\);\n$/);
    expect(renderStep(two, [one, two]).text).toMatch(/await step\.run\(\);\n$/);
  });
});

describe('renderCleanup', () => {
  it('collects the snippet="cleanup" blocks and forgets what was removed', () => {
    const cleanup = renderCleanup([one, two]);
    expect(cleanup?.path).toBe('snippets/cleanup.mjs');
    expect(cleanup?.text).toContain("// content/two.mdx:17\nstep.command(`docker rm -f db`, { id: 'content/two.mdx:16#1', at: 'content/two.mdx:17' });\n");
    expect(cleanup?.text).toContain('await step.run({ forgetRemoved: true, removeRecorded: true });');
    expect(renderStep(two, [one, two]).text).not.toContain('docker rm -f db');
  });

  it('is absent when no block asks for it', () => {
    expect(renderCleanup([one])).toBeUndefined();
  });
});

describe('renderTroubleshoot', () => {
  const three = page(
    'content/three.mdx',
    'title: Three\ndescription: Goes wrong.\nstep: 3\nsnippet: three\nneeds: [one]',
    `${fence}sh\ncurl localhost:3000\n${fence}\n${fence}sh snippet="troubleshoot"\ndocker run -d --name db redis\n${fence}\n${fence}output exit=125\ndocker: Error response from daemon: Conflict.[..]\n${fence}\n`,
  );

  it('sets up the pages its blocks are on, with what they need, then runs each block as typed with its exit status', () => {
    const troubleshoot = renderTroubleshoot([one, two, three]);
    expect(troubleshoot?.path).toBe('snippets/troubleshoot.mjs');
    expect(troubleshoot?.text).toContain(`// Set-up from step 1, "One" (content/one.mdx), which this step needs:
// content/one.mdx:10
step.setup(\`docker run -d --name db redis\`, { id: 'content/one.mdx:9#1', at: 'content/one.mdx:10', from: 'one', ready: 'docker exec db true', timeout: 20 });

// Set-up from step 3, "Three" (content/three.mdx), which this step needs:
// content/three.mdx:9
step.setup(\`curl localhost:3000\`, { id: 'content/three.mdx:8#1', at: 'content/three.mdx:9', from: 'three' });

// content/three.mdx:12
step.command(\`docker run -d --name db redis\`, { id: 'content/three.mdx:11#1', at: 'content/three.mdx:12', exit: 125, provoke: true });

await step.run();
`);
    expect(troubleshoot?.text).not.toContain('content/two.mdx'); // a page with no such block is not set up
  });

  it('keeps those blocks out of the step\'s own snippet, and is absent when no block asks for it', () => {
    expect(renderStep(three, [one, three]).text).not.toContain('provoke');
    expect(renderStep(three, [one, three]).text.match(/docker run -d --name db redis/g)).toHaveLength(1); // the set-up from step 1 only
    expect(renderTroubleshoot([one, two])).toBeUndefined();
    expect(renderSnippets([one, two, three]).map((f) => f.path)).toEqual(['snippets/one.mjs', 'snippets/two.mjs', 'snippets/three.mjs', 'snippets/troubleshoot.mjs', 'snippets/cleanup.mjs']);
  });
});

describe('renderSnippets on the real pages', () => {
  it('matches the committed snippets', async () => {
    const { pages } = await discoverPages(root);
    const files = renderSnippets(pages);
    expect(files.map((f) => f.path)).toEqual(['snippets/networks.mjs', 'snippets/step1.mjs', 'snippets/step2.mjs', 'snippets/step3.mjs', 'snippets/step4.mjs', 'snippets/troubleshoot.mjs', 'snippets/cleanup.mjs']);
    for (const file of files) expect(await readFile(path.join(root, file.path), 'utf8'), file.path).toBe(file.text);
  });

  it('tags every step command with its page line', async () => {
    const { pages } = await discoverPages(root);
    const step4 = renderSnippets(pages).find((f) => f.path === 'snippets/step4.mjs')?.text ?? '';
    expect(step4.match(/^\/\/ content\/\S+:\d+$/gm)).toEqual([
      '// content/step1.mdx:15',
      '// content/step1.mdx:40',
      '// content/step3.mdx:16',
      '// content/step3.mdx:42',
      '// content/step3.mdx:59',
      '// content/step4.mdx:15',
    ]);
    expect(step4).toContain("prompt: 'redis:6379> ', inputs: ['PING', 'GET requests', 'HGETALL ip', 'exit']");
  });
});
