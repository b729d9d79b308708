// The benchmark's shell doc-test contender: the same commands as a cram test (Debian's
// python3-cram, a shell transcript tester), in the order the baseline script runs them
// (bench-script.ts), each with the output the page documents for this engine where cram can
// express it: literal lines as they are, a line with tokens as a regular expression (`(re)`),
// captures as their token's pattern (cram binds nothing). A block cram has no form for
// (`unordered`, `subset`, `...` runs of lines, a session's screen) still runs, its output
// discarded, and is counted as unchecked. The one addition: curl is quiet, as it is in a terminal
// (cram gives the commands none, and curl shows a progress meter on standard error then). Pure: pages and an engine version in, test text out.
import type { Command, Page } from '../page/types.ts';
import { selectExpectation } from './engine-range.ts';
import { readTokens, isLinesWildcard } from './tokens.ts';
import { baselineCommands, renderReady, renderSession } from './bench-script.ts';

export interface CramTest {
  text: string; // the .t file
  checked: number; // commands whose output cram compares
  unchecked: string[]; // `file:line` of the commands it runs without comparing, and why
}

const INDENT = '  ';

/**
 * One written line as a cram `(re)` line (Python's re). Cram compares a line holding a tab in its
 * escaped form (`\\t`, then ` (esc)`), so the pattern does too; trailing spaces are allowed, as the
 * doc-test ignores them.
 */
export function renderCramLine(written: string): string {
  const source = readTokens(written)
    .pieces.map((piece) => (piece.kind === 'text' ? escapeRegex(piece.text) : piece.kind === 'any' ? '.*' : `(?:${piece.redaction.pattern})`))
    .join('');
  return written.includes('\t') ? `${source.replaceAll('\t', '\\\\t')} * \\(esc\\) (re)` : `${source} * (re)`;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why cram cannot compare this command's documented output, or undefined when it can. */
function whyUnchecked(command: Command, engine: string): string | undefined {
  if (command.sessions.length > 0) return 'a terminal session';
  const expected = selectExpectation(command.outputs, engine);
  if (!expected) return undefined;
  if (expected.unordered) return 'an unordered block';
  if (expected.subset) return 'a subset block';
  if (expected.body.split('\n').some(isLinesWildcard)) return 'a block with `...`';
  return undefined;
}

function renderCramCommand(command: Command, engine: string, unchecked: string[]): string[] {
  const at = `${command.at.file}:${command.at.line}`;
  const why = whyUnchecked(command, engine);
  const shell = command.sessions.length > 0 ? renderSession(command) : command.text.replace(/\\\n\s*/g, '');
  const lines = [`${INDENT}$ ${shell}${why ? ' >/dev/null 2>&1' : ' 2>&1'}`];
  if (why) unchecked.push(`${at} (${why})`);
  else {
    const expected = selectExpectation(command.outputs, engine);
    const body = expected && expected.body !== '' ? expected.body.split('\n') : [];
    lines.push(...body.map((line) => `${INDENT}${renderCramLine(line)}`));
    if (expected && expected.exit !== 0) lines.push(`${INDENT}[${expected.exit}]`);
  }
  if (command.ready) lines.push(`${INDENT}$ ${renderReady(command.ready)}`);
  return [`${at}:`, '', ...lines, ''];
}

/** The cram test of `pages` for an engine of version `engine` (`20.10.24`). */
export function renderCram(pages: readonly Page[], engine: string): CramTest {
  const commands = baselineCommands(pages);
  const unchecked: string[] = [];
  const body = commands.flatMap((command) => renderCramCommand(command, engine, unchecked));
  const text = [
    'The lesson as a cram test, generated from the pages by npm run bench:doctest.',
    'Without a terminal curl prints a progress meter, which a reader\'s terminal does not show:',
    '',
    `${INDENT}$ curl() { command curl --silent "$@"; }`,
    '',
    ...body,
  ].join('\n');
  return { text, checked: commands.length - unchecked.length, unchecked };
}
