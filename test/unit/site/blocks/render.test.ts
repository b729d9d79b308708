import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { h } from '../../../../site/lib/blocks/hast.ts';
import { readBlockOptions } from '../../../../site/lib/blocks/options.ts';
import { renderCommandBlock } from '../../../../site/lib/blocks/render-command.ts';
import { describeOutputOptions, renderOutputBlock, renderSessionBlock } from '../../../../site/lib/blocks/render-output.ts';

describe('renderOutputBlock', () => {
  it('labels the block and its engine range, and shows tokens as chips', () => {
    const html = toHtml(renderOutputBlock('[IPV4:redis]\tredis\n...\n', readBlockOptions('output', 'docker=">=28"')));
    expect(html).toContain('<figure class="block block-output" data-docker=">=28">');
    expect(html).toContain('<span class="block-label">Output</span><span class="block-variant">Docker 28.0 and later</span>');
    expect(html).toContain('<span class="ph" title="An IPv4 address Docker assigned; yours may differ.');
    expect(html).toContain('>IPv4 address · same as redis</span>\tredis</span>');
    expect(html).toContain('<span class="line more"><span class="ph"');
    expect(html).not.toMatch(/(?<!data-)docker=/); // the option itself is never shown
    expect(html).not.toContain('<button');
  });

  it('names its command in a data attribute, for grouping, only when ranged', () => {
    const owner = { index: 2, count: 2 };
    expect(toHtml(renderOutputBlock('b', { ...readBlockOptions('output', 'docker="<29"'), owner }))).toContain(
      '<figure class="block block-output" data-docker="<29" data-owner="2/2">',
    );
    expect(toHtml(renderOutputBlock('b', { ...readBlockOptions('output', ''), owner }))).toContain('<figure class="block block-output">');
  });

  it('is a tab stop (so a keyboard can scroll it) only when a line may be wider than a phone', () => {
    expect(toHtml(renderOutputBlock('redis-server\n[CONTAINER_ID]\n', readBlockOptions('output', '')))).toContain('<pre class="block-text"><code>');
    const wide = 'WARNING: Links on the default bridge network are deprecated';
    expect(toHtml(renderOutputBlock(`${wide}\n`, readBlockOptions('output', '')))).toContain('<pre class="block-text" tabindex="0">');
    expect(toHtml(renderSessionBlock(`redis:6379> ${wide}\n`, readBlockOptions('session', 'prompt="redis:6379> "')))).toContain('tabindex="0"');
  });

  it('says what unordered, subset and exit mean instead of showing them', () => {
    expect(describeOutputOptions(readBlockOptions('output', 'unordered subset exit=1'))).toEqual([
      'exits with status 1',
      'lines may come in any order',
      'you may see more lines',
    ]);
  });
});

describe('renderSessionBlock', () => {
  it('sets the prompt apart from what is typed and from output', () => {
    const html = toHtml(renderSessionBlock('redis:6379> GET requests\n"[N]"\n', readBlockOptions('session', 'prompt="redis:6379> "')));
    expect(html).toContain('<span class="line typed"><span class="prompt">redis:6379> </span><kbd>GET requests</kbd></span>');
    expect(html).toContain('<span class="line">"<span class="ph" title="A whole number; yours may differ.">number</span>"</span>');
  });

  it('labels its engine range and marks it for grouping, as an output block', () => {
    const html = toHtml(renderSessionBlock('redis:6379> PING\nPONG\n', readBlockOptions('session', 'prompt="redis:6379> " docker=">=29"')));
    expect(html).toContain('<figure class="block block-session" data-docker=">=29">');
    expect(html).toContain('<span class="block-label">Terminal session</span><span class="block-variant">Docker 29.0 and later</span>');
  });
});

describe('renderCommandBlock', () => {
  const pre = h('pre', {}, h('code', {}, 'highlighted'));

  it('gives the copy button the exact commands and hides the tool options', () => {
    const source = 'docker run -d --name redis-server redis\n';
    const html = toHtml(renderCommandBlock(pre, source, readBlockOptions('sh', 'ready="http://localhost:3000" timeout=60')));
    expect(html).toContain('<button type="button" class="copy" data-copy="docker run -d --name redis-server redis" aria-label="Copy command" hidden>Copy</button>');
    expect(html).not.toMatch(/ready|timeout|localhost:3000/);
  });

  it('is no tab stop: commands wrap, so the <pre> shiki made focusable never scrolls', () => {
    const shiki = h('pre', { className: ['astro-code'], tabindex: '0', style: 'overflow-x:auto' }, h('code', {}, 'x'));
    const html = toHtml(renderCommandBlock(shiki, 'ls', readBlockOptions('sh', '')));
    expect(html).toContain('<pre class="astro-code" style="overflow-x:auto"><code>x</code></pre>');
  });

  it('shows a title, and a note for a block that goes to another snippet', () => {
    const html = toHtml(renderCommandBlock(pre, 'docker rm -f redis-server', readBlockOptions('sh', 'snippet="cleanup" title="Clean up"')));
    expect(html).toContain('<span class="block-label">Clean up</span>');
    expect(html).toContain('Also as a script: <code>npx zx snippets/cleanup.mjs</code>');
  });
});

describe('recorded values', () => {
  const hosts = '127.0.0.1\tlocalhost\n[IPV4:redis]\tredis [SHORT_ID] redis-server\n[IPV4]\t[SHORT_ID]\n';
  const options = { ...readBlockOptions('output', 'docker=">=29.6 <30"'), at: { file: 'content/step2.mdx', line: 93 } };
  const example = { engine: '29.7.2', values: new Map([[1, ['172.30.23.2', '075a4feb8551']]]) };
  const text = (html: string) => html.replace(/<[^>]+>/g, '');

  it('replace exactly their tokens, so the line is the real line with its columns; other tokens stay placeholders', () => {
    const html = toHtml(renderOutputBlock(hosts, options, example));
    expect(html).toContain('<span class="line"><mark class="value">172.30.23.2</mark>\tredis <mark class="value">075a4feb8551</mark> redis-server</span>');
    const lines = text(html.slice(html.indexOf('<pre'), html.indexOf('</pre>'))).split('\n');
    expect(lines[1]).toBe('172.30.23.2\tredis 075a4feb8551 redis-server');
    expect(lines[2]).toBe('IPv4 address\tshort id'); // no value recorded for that line: its placeholders
  });

  it('name the visible note under the block as its description: which engine, and that yours differ', () => {
    const html = toHtml(renderOutputBlock(hosts, options, example));
    expect(html).toContain('<figure class="block block-output" data-docker=">=29.6 <30" aria-describedby="values-93">');
    expect(html).toContain('</pre><p class="block-values" id="values-93">Marked values come from a verified run on Docker 29.7.2; yours will differ.</p></figure>');
    expect(toHtml(renderSessionBlock('redis:6379> GET requests\n"[N]"\n', { ...readBlockOptions('session', 'prompt="redis:6379> "'), at: options.at }, { engine: '28.5.2', values: new Map([[1, ['3']]]) })))
      .toContain('<span class="line">"<mark class="value">3</mark>"</span>');
  });

  it('none: placeholders, no note and no description, as before', () => {
    const html = toHtml(renderOutputBlock(hosts, options));
    expect(html).not.toContain('<mark');
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('block-values');
    expect(html).toContain('>IPv4 address · same as redis</span>\tredis');
  });
});
