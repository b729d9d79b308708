// A command block: the highlighted commands, a copy button holding their exact text, and the
// caption or snippet note its options ask for. The button starts hidden: the copy script
// (site/scripts/copy.ts) shows it, so readers without JavaScript never see a dead button.
// Commands wrap inside their block (site/styles/guide.css), never scroll: so the `<pre>` is no
// tab stop (shiki makes every `<pre>` one).
import type { Element } from 'hast';
import { h } from './hast.ts';
import { takeCopyText } from './commands.ts';
import { describeSnippet } from './labels.ts';
import type { BlockOptions } from './options.ts';

/** Wraps shiki's `<pre>` of a `sh` block in `<figure class="block block-command">`. */
export function renderCommandBlock(pre: Element, source: string, options: BlockOptions): Element {
  const { tabindex: _tabindex, tabIndex: _tabIndex, ...properties } = pre.properties;
  return h(
    'figure',
    { className: ['block', 'block-command'] },
    h(
      'figcaption',
      { className: ['block-bar'] },
      h('span', { className: ['block-label'] }, options.title ?? (options.interactive ? 'Command (interactive)' : 'Command')),
      h(
        'button',
        { type: 'button', className: ['copy'], dataCopy: takeCopyText(source), ariaLabel: 'Copy command', hidden: true },
        'Copy',
      ),
    ),
    { ...pre, properties },
    options.snippet !== undefined &&
      h('p', { className: ['block-also'] }, 'Also as a script: ', h('code', {}, describeSnippet(options.snippet))),
  );
}
