// Output and session blocks as the reader sees them: labelled, no copy button, each redaction
// token a placeholder chip that explains itself, or, where a verified run recorded what it matched
// (site/lib/blocks/examples.ts), that value, marked, in the real line (so columns line up as Docker
// printed them), with a note under the block saying where the marked values come from, which the
// block names as its description; a tab stop only when a line may not fit a phone
// (site/lib/blocks/scroll.ts).
import type { Element, Properties } from 'hast';
import { h, joinLines, type Child } from './hast.ts';
import { describeDockerRange } from './labels.ts';
import { isLinesWildcard } from '../../../scripts/doctest/tokens.ts';
import { MORE_LINES, splitRedactions, type Placeholder } from './redactions.ts';
import type { ShownExample } from './examples.ts';
import type { BlockOptions } from './options.ts';
import { mayScroll } from './scroll.ts';

/**
 * `<figure class="block block-output">`: "Output", the engine range, notes, then the lines. A
 * ranged block keeps its range (and its command) in data attributes, for the step that groups
 * one command's ranged blocks into tabs (site/lib/blocks/engine-groups.ts).
 */
export function renderOutputBlock(source: string, options: BlockOptions, example?: ShownExample): Element {
  const notes = describeOutputOptions(options);
  const lines = toLines(source);
  return h(
    'figure',
    { className: ['block', 'block-output'], ...markRange(options), ...describedBy(options, example) },
    h(
      'figcaption',
      { className: ['block-bar'] },
      h('span', { className: ['block-label'] }, describeOwner(options)),
      renderVariant(options),
      notes.length > 0 && h('span', { className: ['block-note'] }, notes.join('; ')),
    ),
    renderText(lines, lines.map((line, index) => renderOutputLine(line, example?.values.get(index))), example?.values),
    renderValuesNote(options, example),
  );
}

/** `<figure class="block block-session">`: prompt lines with what is typed, the rest output. */
export function renderSessionBlock(source: string, options: BlockOptions, example?: ShownExample): Element {
  const prompt = options.prompt ?? '';
  const lines = toLines(source).map((line, index) =>
    prompt !== '' && line.startsWith(prompt)
      ? h('span', { className: ['line', 'typed'] }, h('span', { className: ['prompt'] }, prompt), h('kbd', {}, line.slice(prompt.length)))
      : renderOutputLine(line, example?.values.get(index)),
  );
  return h(
    'figure',
    { className: ['block', 'block-session'], ...markRange(options), ...describedBy(options, example) },
    h('figcaption', { className: ['block-bar'] }, h('span', { className: ['block-label'] }, 'Terminal session'), renderVariant(options)),
    renderText(toLines(source), lines, example?.values),
    renderValuesNote(options, example),
  );
}

/** The block's `<pre>`: focusable (so a keyboard can scroll it) when a line may be wider than a phone. */
function renderText(source: readonly string[], lines: Element[], values?: ReadonlyMap<number, string[]>): Element {
  return h('pre', { className: ['block-text'], ...(mayScroll(source, undefined, values) && { tabIndex: 0 }) }, h('code', {}, ...joinLines(lines)));
}

/** The id of a block's note on its values: by its fence's line, unique on its page. */
const valuesNoteId = (options: BlockOptions): string => `values-${options.at?.line ?? 0}`;

/** `aria-describedby` naming the note, on a block that shows recorded values. */
function describedBy(options: BlockOptions, example: ShownExample | undefined): Properties {
  return example ? { ariaDescribedBy: [valuesNoteId(options)] } : {};
}

/** Under a block with recorded values: where they come from, visible to every reader (no hover, no tooltip). */
function renderValuesNote(options: BlockOptions, example: ShownExample | undefined): Child {
  return example && h('p', { className: ['block-values'], id: valuesNoteId(options) }, describeValuesNote(example.engine));
}

/** "Marked values come from a verified run on Docker 29.7.2; yours will differ." */
export function describeValuesNote(engine: string): string {
  return `Marked values come from a verified run on Docker ${engine}; yours will differ.`;
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

function renderOutputLine(line: string, values?: readonly string[]): Element {
  if (isLinesWildcard(line)) return h('span', { className: ['line', 'more'] }, renderPlaceholder(MORE_LINES));
  const children: Child[] = splitRedactions(line, values).map((segment) => {
    if (segment.kind === 'text') return segment.text;
    if (segment.kind === 'value') return h('mark', { className: ['value'] }, segment.text);
    return renderPlaceholder(segment.placeholder);
  });
  return h('span', { className: ['line'] }, ...children);
}

function renderPlaceholder(placeholder: Placeholder): Element {
  return h('span', { className: ['ph'], title: placeholder.title }, placeholder.label);
}

function toLines(source: string): string[] {
  return source.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}
