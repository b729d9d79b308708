// The guide's markdown pipeline (site/lib/markdown/config.ts) on real page files: what the
// site build does to each content/*.mdx, through Astro's own Sätteri processor.
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGuidePlugins, SHIKI_CONFIG } from '../../../../site/lib/markdown/config.ts';
import { createExampleLookup } from '../../../../site/lib/blocks/examples.ts';
import { createBlockTransformer } from '../../../../site/lib/blocks/transformer.ts';
import { hashWritten } from '../../../../scripts/verify/examples.ts';
import { parseRecord, type VerificationRecord } from '../../../../scripts/verify/record.ts';

const dir = mkdtempSync(join(tmpdir(), 'guide-pages-'));

/** Writes `text` as dir/name and renders it as the site would under `base` (with `record`: that record's values). */
async function render(name: string, text: string, base = '/', record?: VerificationRecord): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const transformers = record ? [createBlockTransformer(createExampleLookup(() => record))] : [...SHIKI_CONFIG.transformers];
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: 'shiki',
    shikiConfig: { ...SHIKI_CONFIG, transformers },
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
    expect(output).toContain('<span class="block-variant">Docker 27.x and earlier</span>');
    expect(output).toContain('>short id</span>');
    expect(output).not.toContain('<button');
  });

  it('show an escaped bracket as the text itself, and ... alone as more lines', async () => {
    const html = await render('escaped.mdx', `${FRONT}\n\`\`\`sh\ndocker logs app\n\`\`\`\n\n\`\`\`output\n\\[INFO] took [MS]\n...\n  ...\n\`\`\`\n`);
    const output = html.slice(html.indexOf('block-output'));
    expect(output).toContain('<span class="line">[INFO] took <span class="ph"');
    expect(output).toContain('<span class="line more"><span class="ph"');
    expect(output).toContain('<span class="line">  ...</span>');
  });

  it('fail the build on a token the doc-test does not know, naming the file and line', async () => {
    const file = relative(process.cwd(), join(dir, 'unknown-token.mdx'));
    await expect(render('unknown-token.mdx', `${FRONT}\n\`\`\`sh\ndocker ps\n\`\`\`\n\n\`\`\`output\nid [IPV4:Redis]\n\`\`\`\n`)).rejects.toThrow(
      `${file}:14: unknown token [IPV4:Redis]; known tokens: [CONTAINER_ID]`,
    );
  });

  it('fail the build on a docker= range the doc-test cannot read, naming the file and line', async () => {
    const file = relative(process.cwd(), join(dir, 'bad-range.mdx'));
    await expect(render('bad-range.mdx', `${FRONT}\n\`\`\`sh\ndocker ps\n\`\`\`\n\n\`\`\`output docker="^29"\nx\n\`\`\`\n`)).rejects.toThrow(
      `${file}:13: docker="^29" cannot be read: "^29" is not a comparator`,
    );
  });

  it('fail the build when they follow no command block, naming the file and line', async () => {
    const text = `${FRONT}\nSome prose.\n\n\`\`\`output\nhello\n\`\`\`\n`;
    const file = relative(process.cwd(), join(dir, 'orphan.mdx'));
    await expect(render('orphan.mdx', text)).rejects.toThrow(
      `${file}:11: the output block has no command before it; put it after the \`\`\`sh block whose output it shows`,
    );
  });
});

describe('ranged blocks of one command', () => {
  const fence = (lang: string, meta: string, body: string): string => `\`\`\`${lang} ${meta}\n${body}\n\`\`\`\n\n`;
  const env = (range: string, line: string): string => fence('output', `docker="${range}" unordered`, line);

  it('become one switch of tabs, newest first and checked, each tab named by its range', async () => {
    const page = `${FRONT}\n${fence('sh', '', 'docker run alpine env')}${env('>=29.6 <30', 'WARNING: new')}${env('>=29 <29.6', 'PATH=29')}${env('<29', 'PATH=28')}Prose.\n`;
    const html = await render('tabs.mdx', page);
    expect(html.match(/<fieldset/g)).toHaveLength(1);
    expect(html).toContain('<fieldset class="engine-group"><legend class="engine-legend">Output for your Docker version</legend>');
    const tab = (n: number, checked: boolean, range: string, spans: string, engine: string, label: string): string =>
      `<input type="radio" class="engine-radio" name="engine.1" id="engine.1.${n}"${checked ? ' checked' : ''} data-docker="${range}" ` +
      `data-spans="${spans}" data-engine="${engine}" aria-controls="engine.1.${n}.panel"><label class="engine-tab" for="engine.1.${n}">${label}</label>` +
      `<figure class="block block-output" data-docker="${range}" id="engine.1.${n}.panel">`;
    expect(html).toContain(tab(1, true, '>=29.6 <30', '29.6.0-30.0.0', '29.6.0', 'Docker 29.6 – 29.x'));
    expect(html).toContain(tab(2, false, '>=29 <29.6', '29.0.0-29.6.0', '29.0.0', 'Docker 29.0 – 29.5'));
    expect(html).toContain(tab(3, false, '<29', '0.0.0-29.0.0', '28.0.0', 'Docker 28.x and earlier'));
    expect(html.match(/ checked/g)).toHaveLength(1);
    expect(html).toContain('name="engine.1"');
    expect(html).toMatch(/<\/fieldset>\s*<p>Prose.<\/p>/);
  });

  it('are numbered per page, so every group has its own name', async () => {
    const command = fence('sh', '', 'docker version');
    const html = await render('two.mdx', `${FRONT}\n${command}${env('>=29', 'a')}${env('<29', 'b')}Then:\n\n${command}${env('>=29', 'c')}${env('<29', 'd')}`);
    expect([...html.matchAll(/<input type="radio"[^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['engine.1', 'engine.1', 'engine.2', 'engine.2']);
  });

  it('have ids no heading can take (a slug never holds a dot)', async () => {
    const html = await render('ids.mdx', `${FRONT}\n## Engine 1 1\n\n${fence('sh', '', 'docker version')}${env('>=29', 'a')}${env('<29', 'b')}`);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['engine-1-1', 'engine.1.1', 'engine.1.1.panel', 'engine.1.2', 'engine.1.2.panel']);
  });

  it('name their command under a block of several, and group only that command\'s blocks', async () => {
    const page = `${FRONT}\n${fence('sh', '', 'docker ps -q\ndocker version')}${fence('output', '', '[SHORT_ID]')}${env('>=29', 'new')}${env('<29', 'old')}`;
    const html = await render('owned.mdx', page);
    expect(html).toContain('<figure class="block block-output"><figcaption class="block-bar"><span class="block-label">Output of command 1 of 2</span>');
    expect(html).toContain('<legend class="engine-legend">Output of command 2 of 2 for your Docker version</legend>');
    expect(html.match(/type="radio"/g)).toHaveLength(2);
  });

  it('group session blocks the same way', async () => {
    const session = (range: string, reply: string): string => fence('session', `prompt="redis:6379> " docker="${range}"`, `redis:6379> PING\n${reply}`);
    const page = `${FRONT}\n${fence('sh', 'interactive', 'docker run -it redis redis-cli')}${session('>=29', 'PONG')}${session('<29', '"PONG"')}`;
    const html = await render('sessions.mdx', page);
    expect(html).toContain('<legend class="engine-legend">Terminal session for your Docker version</legend>');
    expect(html).toMatch(/<label class="engine-tab" for="engine\.1\.2">Docker 28.x and earlier<\/label><figure class="block block-session"/);
  });

  it('leave a lone ranged block as it was: one figure with its range in the caption', async () => {
    const html = await render('lone.mdx', `${FRONT}\n${fence('sh', '', 'docker ps -q')}${env('>=28', 'x')}`);
    expect(html).not.toContain('<fieldset');
    expect(html).toContain('<span class="block-variant">Docker 28.0 and later</span>');
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

describe('recorded values', () => {
  const body = '127.0.0.1\tlocalhost\n[IPV4:redis]\tredis [SHORT_ID] redis-server';
  const page = `${FRONT}\n\`\`\`sh\ndocker run --link redis-server:redis alpine cat /etc/hosts\n\`\`\`\n\n\`\`\`output\n${body}\n\`\`\`\n`;
  const fence = (name: string) => `${relative(process.cwd(), join(dir, name))}:13`; // the block as the page check names it
  const recorded = (name: string, written: string): VerificationRecord => parseRecord(JSON.stringify({
    version: 2,
    engines: { '29.7.2': { engine: '29.7.2', proof: 'captures', captures: 'test/fixtures/engine-29.7', client: 'unknown', date: '2026-12-03T09:00:00Z', commit: 'x', images: [], pages: {
      v: { hash: 'sha256:p', ok: true, failures: [], examples: { [fence(name)]: { written: hashWritten(written), lines: { '2': ['172.30.23.2', '075a4feb8551'] } } } },
    } } },
  }), 'record.json');

  it('the block of that fence and text shows them, marked, with the note it is described by', async () => {
    const html = await render('values.mdx', page, '/', recorded('values.mdx', body));
    expect(html).toContain('<span class="line"><mark class="value">172.30.23.2</mark>\tredis <mark class="value">075a4feb8551</mark> redis-server</span>');
    expect(html).toContain('aria-describedby="values-13"');
    expect(html).toContain('id="values-13">Marked values come from a verified run on Docker 29.7.2; yours will differ.</p>');
  });

  it('an edited block (other written lines) shows its placeholders', async () => {
    const html = await render('edited.mdx', page, '/', recorded('edited.mdx', body.replace('localhost', 'localhost ip6-localhost')));
    expect(html).not.toContain('<mark');
    expect(html).toContain('>IPv4 address · same as redis</span>\tredis');
  });

  it('an old record with no values still builds the page, with placeholders', async () => {
    const old = parseRecord(JSON.stringify({ version: 1, engines: { '20.10.24': { engine: '20.10.24', client: '20.10.24', date: '2026-11-01T09:00:00Z', commit: 'x', images: [], pages: { v: { hash: 'sha256:p', ok: true, failures: [] } } } } }), 'old.json');
    const html = await render('old.mdx', page, '/', old);
    expect(html).toContain('block-output');
    expect(html).not.toContain('<mark');
    expect(html).not.toContain('block-values');
  });
});
