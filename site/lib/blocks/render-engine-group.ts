// One command's blocks for several engines as one switch: a fieldset named "Output for your
// Docker version", one radio per engine range (the first, newest, checked), each followed by
// its label and its block. CSS shows the block after the checked radio (site/styles/guide.css),
// so it works without JavaScript; the engine-tabs script (site/scripts/engine-tabs.ts) reads
// `data-spans` (the versions the range holds) and `data-engine` to follow the reader's choice
// across groups and pages.
import type { Element } from 'hast';
import { readRange, writeSpans } from '../../../scripts/doctest/engine-range.ts';
import { readVariant } from './engine-groups.ts';
import { h } from './hast.ts';
import { describeDockerRange } from './labels.ts';
import { findReaderEngine } from './reader-engine.ts';

/** `figures` (ranged, in page order) in `<fieldset class="engine-group">`; `id` names the group on its page. */
export function renderEngineGroup(figures: readonly Element[], id: string): Element {
  const first = figures[0];
  return h(
    'fieldset',
    { className: ['engine-group'] },
    h('legend', { className: ['engine-legend'] }, first ? describeGroup(first) : 'For your Docker version'),
    h(
      'div',
      { className: ['engine-tabs'] },
      ...figures.flatMap((figure, index) => {
        const range = readVariant(figure)?.range ?? '';
        const tab = `${id}.${index + 1}`;
        const engine = findReaderEngine(range);
        const reading = readRange(range);
        return [
          h('input', {
            type: 'radio',
            className: ['engine-radio'],
            name: id,
            id: tab,
            checked: index === 0,
            dataDocker: range,
            ...(reading.ok && { dataSpans: writeSpans(reading.spans) }),
            ...(engine !== undefined && { dataEngine: engine }),
            ariaControls: [`${tab}.panel`],
          }),
          h('label', { className: ['engine-tab'], htmlFor: [tab] }, describeDockerRange(range)),
          { ...figure, properties: { ...figure.properties, id: `${tab}.panel` } },
        ];
      }),
    ),
  );
}

/** "Output for your Docker version", "Output of command 2 of 2 for…", "Terminal session for…". */
export function describeGroup(figure: Element): string {
  const variant = readVariant(figure);
  const [kind, owner] = (variant?.key ?? 'output').split(' ');
  const [index, count] = (owner ?? '').split('/');
  const what = kind === 'session' ? 'Terminal session' : owner ? `Output of command ${index} of ${count}` : 'Output';
  return `${what} for your Docker version`;
}
