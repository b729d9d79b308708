import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../scripts/page/parse.ts';
import type { Page } from '../../../../scripts/page/types.ts';
import { describeDiagram } from '../../../../site/lib/diagrams/describe.ts';
import { layOutDiagram, WIDTH, wrapRow } from '../../../../site/lib/diagrams/layout.ts';
import { planDiagram } from '../../../../site/lib/diagrams/model.ts';
import { PAGE_PALETTE, renderDiagramSvg } from '../../../../site/lib/diagrams/render-svg.ts';

const fence = '```';
function page(id: string, front: string[], ...commands: string[]): Page {
  const { page, errors } = parsePage(`content/${id}.mdx`, `---\ntitle: ${id} title\ndescription: D\n${front.join('\n')}\n---\n\n${fence}sh\n${commands.join('\n')}\n${fence}\n`);
  expect(errors).toEqual([]);
  return page;
}
const redis = page('step1', ['step: 1', 'snippet: step1', 'needs: []'], 'docker run -d --name redis-server redis');
const exposed = (image: string) => (image === 'redis' ? [6379] : []);

/** The picture and its words of a step 3 whose app runs `command`. */
function picture(command: string) {
  const app = page('step3', ['step: 3', 'snippet: step3', 'needs: [step1]'], command, 'curl localhost:3000', 'curl localhost:8080');
  const diagram = planDiagram(app, [redis, app], exposed)!;
  const text = describeDiagram(diagram);
  return { svg: renderDiagramSvg(layOutDiagram(diagram), text, { id: 'd', palette: PAGE_PALETTE }), text };
}

describe('renderDiagramSvg', () => {
  const { svg, text } = picture('docker run -d -p 3000:3000 --link redis-server:redis example/app');

  it('draws the containers, the link, its hosts line, the published port and the request, with no script', () => {
    for (const row of ['your machine', '$ curl localhost:3000', 'localhost:3000 →', 'port 3000 ← localhost:3000', '--link redis-server:redis', '/etc/hosts: 172.17.0.x redis', '→ redis:6379', 'redis-server', 'started in step 1', 'port 6379, not published']) {
      expect(svg).toContain(`>${row.replace('>', '&gt;')}</text>`);
    }
    expect(svg).not.toMatch(/<script|\son\w+=/i);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 320 \d+"[^>]*role="img" aria-labelledby="d-title d-desc">/);
  });

  it('says the same in words: <title>, <desc> and the list under it', () => {
    expect(svg).toContain('<title id="d-title">Step 3: what runs and how it connects</title>');
    expect(text.items).toContain('Traffic of this step: curl localhost:3000 → localhost:3000 → app:3000 → redis:6379.');
    expect(text.items.join(' ')).toContain('its /etc/hosts has the line "172.17.0.x redis"');
    expect(svg).toContain(`<desc id="d-desc">${text.items.join(' ').replace(/"/g, '&quot;')}</desc>`);
  });

  it('changes when a command does: the alias and the published port are what the picture shows', () => {
    const edited = picture('docker run -d -p 8080:3000 --link redis-server:db example/app');
    expect(edited.svg).not.toEqual(svg);
    for (const row of ['/etc/hosts: 172.17.0.x db', '→ db:6379', 'port 3000 ← localhost:8080', '--link redis-server:db']) expect(edited.svg).toContain(`>${row}</text>`);
    expect(edited.svg).not.toContain('172.17.0.x redis');
    expect(edited.text.items.join(' ')).toContain('localhost:8080 → app:3000 → db:6379');
  });

  it('takes its colours from the page (light and dark) or from a fixed palette', () => {
    expect(svg).toContain('fill:var(--fg, currentColor)');
    const fixed = renderDiagramSvg(layOutDiagram(planDiagram(redis, [redis], exposed)!), { title: 'T', items: ['a < b'] }, { id: 'x', palette: { fg: '#000', muted: '#555', line: '#999', card: '#eee', accent: '#00f' } });
    expect(fixed).toContain('fill:#000');
    expect(fixed).toContain('<desc id="x-desc">a &lt; b</desc>');
  });
});

describe('layOutDiagram', () => {
  it('keeps everything inside the 320-unit width, one column, each arrow in its own lane', () => {
    const app = page('step3', ['step: 3', 'snippet: step3', 'needs: [step1]'], 'docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example', 'curl localhost:3000');
    const layout = layOutDiagram(planDiagram(app, [redis, app], exposed)!);
    expect(layout.cards.map((card) => card.key)).toEqual(['host', 'katacoda/redis-node-docker-example', 'redis-server']);
    expect(layout.cards.every((card) => card.x + card.width <= WIDTH && card.rows.every((row) => row.text.length * 7.3 <= card.width - 20))).toBe(true);
    expect(layout.arrows.every((arrow) => arrow.points.every(([x, y]) => x <= WIDTH && y <= layout.height))).toBe(true);
    expect(new Set(layout.arrows.map((arrow) => arrow.points[1]![0])).size).toBe(layout.arrows.length);
  });

  it('wraps a long row after a slash or a dash', () => {
    expect(wrapRow({ text: 'image katacoda/redis-node-docker-example', tone: 'muted' }, 34).map((row) => row.text)).toEqual(['image katacoda/redis-node-docker-', '  example']);
  });
});
