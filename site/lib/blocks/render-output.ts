// Output and session blocks as the reader sees them: labelled, no copy button, each redaction
// token a placeholder chip that explains itself.
import type { Element } from 'hast';
import { h, joinLines, type Child } from './hast.ts';
import { describeDockerRange } from './labels.ts';
import { isMoreLines, MORE_LINES, splitRedactions, type Placeholder } from './redactions.ts';
import type { BlockOptions } from './options.ts';

/** `<figure class="block block-output">`: "Output", the engine range, notes, then the lines. */
export function renderOutputBlock(source: string, options: BlockOptions): Element {
  const notes = describeOutputOptions(options);
  return h(
    'figure',
    { className: ['block', 'block-output'] },
    h(
      'figcaption',
      { className: ['block-bar'] },
      h('span', { className: ['block-label'] }, describeOwner(options)),
      options.docker !== undefined && h('span', { className: ['block-variant'] }, describeDockerRange(options.docker)),
      notes.length > 0 && h('span', { className: ['block-note'] }, notes.join('; ')),
    ),
    h('pre', { className: ['block-text'], tabIndex: 0 }, h('code', {}, ...joinLines(toLines(source).map(renderOutputLine)))),
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
    { className: ['block', 'block-session'] },
    h('figcaption', { className: ['block-bar'] }, h('span', { className: ['block-label'] }, 'Terminal session')),
    h('pre', { className: ['block-text'], tabIndex: 0 }, h('code', {}, ...joinLines(lines))),
  );
}

/** "Output", or "Output of command 2 of 2" under a block of several commands. */
export function describeOwner(options: BlockOptions): string {
  return options.owner ? `Output of command ${options.owner.index} of ${options.owner.count}` : 'Output';
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
  if (isMoreLines(line)) return h('span', { className: ['line', 'more'] }, renderPlaceholder(MORE_LINES));
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
