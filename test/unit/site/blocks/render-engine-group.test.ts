import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { h } from '../../../../site/lib/blocks/hast.ts';
import { describeGroup, renderEngineGroup } from '../../../../site/lib/blocks/render-engine-group.ts';

function figure(kind: string, docker: string, text: string, owner?: string) {
  return h('figure', { className: ['block', `block-${kind}`], dataDocker: docker, ...(owner && { dataOwner: owner }) }, h('pre', {}, text));
}

describe('renderEngineGroup', () => {
  const html = toHtml(renderEngineGroup([figure('output', '>=29 <30', 'new'), figure('output', '<29', 'old')], 'engine.3'));

  it('is a fieldset named for what it switches', () => {
    expect(html).toMatch(/^<fieldset class="engine-group"><legend class="engine-legend">Output for your Docker version<\/legend><div class="engine-tabs">/);
  });

  it('gives each block a radio and a label before it, the first checked, names and ids from the group', () => {
    expect(html).toContain(
      '<input type="radio" class="engine-radio" name="engine.3" id="engine.3.1" checked data-docker=">=29 <30" data-spans="29.0.0-30.0.0" data-engine="29.0.0" aria-controls="engine.3.1.panel">' +
        '<label class="engine-tab" for="engine.3.1">Docker 29.x</label>' +
        '<figure class="block block-output" data-docker=">=29 <30" id="engine.3.1.panel"><pre>new</pre></figure>',
    );
    expect(html).toContain(
      '<input type="radio" class="engine-radio" name="engine.3" id="engine.3.2" data-docker="<29" data-spans="0.0.0-29.0.0" data-engine="28.0.0" aria-controls="engine.3.2.panel">' +
        '<label class="engine-tab" for="engine.3.2">Docker 28.x and earlier</label>' +
        '<figure class="block block-output" data-docker="<29" id="engine.3.2.panel"><pre>old</pre></figure>',
    );
    expect(html.match(/ checked/g)).toHaveLength(1);
  });

  it('leaves out the spans and the engine of a range it cannot read (a page error: the script would never follow it)', () => {
    const odd = toHtml(renderEngineGroup([figure('output', '^29', 'a'), figure('output', '<29', 'b')], 'engine.1'));
    expect(odd).toContain('<input type="radio" class="engine-radio" name="engine.1" id="engine.1.1" checked data-docker="^29" aria-controls');
    expect(odd).toContain('<label class="engine-tab" for="engine.1.1">Docker ^29</label>');
  });
});

describe('describeGroup', () => {
  it('names outputs, the command they belong to, and sessions', () => {
    expect(describeGroup(figure('output', '<29', ''))).toBe('Output for your Docker version');
    expect(describeGroup(figure('output', '<29', '', '2/3'))).toBe('Output of command 2 of 3 for your Docker version');
    expect(describeGroup(figure('session', '<29', ''))).toBe('Terminal session for your Docker version');
  });
});
