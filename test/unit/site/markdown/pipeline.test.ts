// The guide's markdown pipeline (site/lib/markdown/config.ts) on real page files: what the
// site build does to each content/*.mdx, through Astro's own Sätteri processor.
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGuidePlugins, SHIKI_CONFIG } from '../../../../site/lib/markdown/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'guide-pages-'));

/** Writes `text` as dir/name and renders it as the site would under `base`. */
async function render(name: string, text: string, base = '/'): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: 'shiki',
    shikiConfig: { ...SHIKI_CONFIG, transformers: [...SHIKI_CONFIG.transformers] },
    ...createGuidePlugins(base, ['index', 'step1', 'step2']),
  });
  // as @astrojs/mdx does: the front matter blanked, so lines keep their numbers
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ' '));
  return (await processor.render(body, { fileURL: pathToFileURL(file), frontmatter: {} })).code;
}

const FRONT = '---\ntitle: T\ndescription: D.\nstep: 1\nsnippet: step1\nneeds: []\n---\n';

describe('command blocks', () => {
  it('are highlighted, copy their exact text and mark where each command starts', async () => {
    const html = await render('cmd.mdx', `${FRONT}\n\`\`\`sh timeout=30\ndocker run -d \\\n  redis\n\`\`\`\n`);
    expect(html).toContain('data-copy="docker run -d \\\n  redis"');
    expect(html).toContain('<span class="line cmd-start"><span style="--shiki-light:');
    expect(html).toMatch(/<span class="line"><span style="[^"]*">\s+redis<\/span>/);
    expect(html).not.toContain('timeout');
  });
});

describe('output blocks', () => {
  it('are labelled per engine, with placeholders, and no copy button', async () => {
    const html = await render('out.mdx', `${FRONT}\n\`\`\`sh\ndocker ps -q\n\`\`\`\n\n\`\`\`output docker="<28"\n[SHORT_ID]\n\`\`\`\n`);
    const output = html.slice(html.indexOf('block-output'));
    expect(output).toContain('<span class="block-variant">Docker before 28</span>');
    expect(output).toContain('>short id</span>');
    expect(output).not.toContain('<button');
  });

  it('fail the build when they follow no command block, naming the file and line', async () => {
    const text = `${FRONT}\nSome prose.\n\n\`\`\`output\nhello\n\`\`\`\n`;
    const file = relative(process.cwd(), join(dir, 'orphan.mdx'));
    await expect(render('orphan.mdx', text)).rejects.toThrow(
      `${file}:11: the output block has no command before it; put it after the \`\`\`sh block whose output it shows`,
    );
  });
});

describe('links between pages', () => {
  it('are published under the base path', async () => {
    const html = await render('links.mdx', `${FRONT}\nGo to [step 2](step2/) or [the start](./).\n`, '/docker-links-guide/');
    expect(html).toContain('<a href="/docker-links-guide/step2/">step 2</a>');
    expect(html).toContain('<a href="/docker-links-guide/">the start</a>');
  });

  it('fail the build when they name no page', async () => {
    const file = relative(process.cwd(), join(dir, 'broken.mdx'));
    await expect(render('broken.mdx', `${FRONT}\nSee [step 9](step9/).\n`)).rejects.toThrow(
      `${file}:9: the link "step9/" names no page; write one of: ./, step1/, step2/`,
    );
  });
});

describe('headings', () => {
  it('get an id and a link to themselves', async () => {
    const html = await render('headings.mdx', `${FRONT}\n## The hosts file\n`);
    expect(html).toContain(
      '<h2 id="the-hosts-file">The hosts file<a class="anchor" href="#the-hosts-file" aria-label="Link to this section: The hosts file"></a></h2>',
    );
  });
});
