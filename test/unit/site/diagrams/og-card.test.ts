import { describe, expect, it } from 'vitest';
import { CARD, describeOgCard, renderOgCard, wrapWords } from '../../../../site/lib/diagrams/og-card.ts';
import { loadDiagram } from '../../../../site/lib/diagrams/load.ts';

const root = new URL('../../../..', import.meta.url).pathname;

describe('renderOgCard', () => {
  it("a 1200 x 630 card: the site, the title, the step's place and its picture in fixed colours", async () => {
    const picture = await loadDiagram('step3', root);
    const svg = renderOgCard({ siteName: 'Links guide', title: 'Connect an app', position: 'Step 3 of 4', picture });
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${CARD.width}" height="${CARD.height}"`));
    for (const text of ['Links guide', 'Connect an app', 'Step 3 of 4', '--link redis-server:redis']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).not.toContain('var(');
    expect(renderOgCard({ siteName: 'S', title: 'Home' })).not.toContain('class="dg"');
  });

  it('says what it shows, for og:image:alt', async () => {
    const picture = await loadDiagram('step3', root);
    expect(describeOgCard({ title: 'Connect an app', position: 'Step 3 of 4', text: picture?.text })).toMatch(/^Connect an app, Step 3 of 4, beside a picture of what runs: .*redis:6379\.$/);
    expect(describeOgCard({ title: 'Home' })).toBe('Home');
  });

  it('wraps a title by words', () => {
    expect(wrapWords('The modern way: user-defined networks', 20)).toEqual(['The modern way:', 'user-defined', 'networks']);
  });
});
