// Output and session blocks as the reader sees them: labelled, no copy button, each redaction
// token a placeholder chip that explains itself; a tab stop only when a line may not fit a phone
// (site/lib/blocks/scroll.ts).
import type { Element, Properties } from 'hast';
import { h, joinLines, type Child } from './hast.ts';
import { describeDockerRange } from './labels.ts';
import { isLinesWildcard } from '../../../scripts/doctest/tokens.ts';
import { MORE_LINES, splitRedactions, type Placeholder } from './redactions.ts';
import type { BlockOptions } from './options.ts';
import { mayScroll } from './scroll.ts';

/**
 * `<figure class="block block-output">`: "Output", the engine range, notes, then the lines. A
 * ranged block keeps its range (and its command) in data attributes, for the step that groups
 * one command's ranged blocks into tabs (site/lib/blocks/engine-groups.ts).
 */
export function renderOutputBlock(source: string, options: BlockOptions): Element {
  const notes = describeOutputOptions(options);
  return h(
    'figure',
    { className: ['block', 'block-output'], ...markRange(options) },
    h(
      'figcaption',
      { className: ['block-bar'] },
      h('span', { className: ['block-label'] }, describeOwner(options)),
      renderVariant(options),
      notes.length > 0 && h('span', { className: ['block-note'] }, notes.join('; ')),
    ),
    renderText(toLines(source), toLines(source).map(renderOutputLine)),
  );
}

/** `<figure class="block block-session">`: prompt lines with what is typed, the rest output. */
export function renderSessionBlock(source: string, options: BlockOptions): Element {
  const prompt = options.prompt ?? '';
  const lines = toLines(source).map((line) =>
    prompt !== '' && line.startsWith(prompt)
      ? h('span', { className: ['line', 'typed'] }, h('span', { className: ['prompt'] }, prompt), h('kbd', {}, line.slice(prompt.length)))
      : renderOutputLine(line),
  );
  return h(
    'figure',
    { className: ['block', 'block-session'], ...markRange(options) },
    h('figcaption', { className: ['block-bar'] }, h('span', { className: ['block-label'] }, 'Terminal session'), renderVariant(options)),
    renderText(toLines(source), lines),
  );
}

/** The block's `<pre>`: focusable (so a keyboard can scroll it) when a line may be wider than a phone. */
function renderText(source: readonly string[], lines: Element[]): Element {
  return h('pre', { className: ['block-text'], ...(mayScroll(source) && { tabIndex: 0 }) }, h('code', {}, ...joinLines(lines)));
}

/** "Output", or "Output of command 2 of 2" under a block of several commands. */
export function describeOwner(options: BlockOptions): string {
  return options.owner ? `Output of command ${options.owner.index} of ${options.owner.count}` : 'Output';
}

/** `data-docker` (and `data-owner="2/2"` under a block of several commands) on a ranged block. */
function markRange(options: BlockOptions): Properties {
  if (options.docker === undefined) return {};
  return { dataDocker: options.docker, ...(options.owner && { dataOwner: `${options.owner.index}/${options.owner.count}` }) };
}

function renderVariant(options: BlockOptions): Child {
  return options.docker !== undefined && h('span', { className: ['block-variant'] }, describeDockerRange(options.docker));
}

/** The human wording of `exit=`, `unordered` and `subset`. */
export function describeOutputOptions(options: BlockOptions): string[] {
  const notes: string[] = [];
  if (options.exit !== undefined && options.exit !== '0') notes.push(`exits with status ${options.exit}`);
  if (options.unordered) notes.push('lines may come in any order');
  if (options.subset) notes.push('you may see more lines');
  return notes;
}

function renderOutputLine(line: string): Element {
  if (isLinesWildcard(line)) return h('span', { className: ['line', 'more'] }, renderPlaceholder(MORE_LINES));
  const children: Child[] = splitRedactions(line).map((segment) =>
    segment.kind === 'text' ? segment.text : renderPlaceholder(segment.placeholder),
  );
  return h('span', { className: ['line'] }, ...children);
}

function renderPlaceholder(placeholder: Placeholder): Element {
  return h('span', { className: ['ph'], title: placeholder.title }, placeholder.label);
}

function toLines(source: string): string[] {
  return source.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}
