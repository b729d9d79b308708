// Stage "compare": one command's run (a `command-end` event) against what its page promises:
// the output block for this engine (or the session screen), and the exit status. A block that
// matches gives the text its tokens matched (the record's example values). Pure.
import type { Command, Expectation, Location, RunEvent, Session } from '../page/types.ts';
import { alignLines } from './align.ts';
import { formatDiff, updateCommand } from './diff.ts';
import { selectExpectation } from './engine-range.ts';
import type { CaseFailure, CaseResult } from './events.ts';
import { normalizeExpected, normalizeOutput } from './normalize.ts';
import type { Bindings } from './pattern.ts';
import { describeMatch } from '../verify/examples.ts';

export type CommandEnd = Extract<RunEvent, { kind: 'command-end' }>;

export interface CompareContext {
  engine: string; // server version, e.g. "20.10.24"
  contentDir: string; // for the update hint
  bindings: Bindings; // captures bound earlier on the same page
  notRunCause?: string; // why the command has no result (its snippet's error), if it has none
  started?: boolean; // it began but never reported an end (its snippet stopped during it)
}

const where = (at: Location) => `${at.file}:${at.line}`;
const shown = (text: string) => `\`${text.replace(/\s*\\\n\s*/g, ' ')}\``;

/** Compares one case; returns its result and the page's bindings after it. */
export function compareCase(command: Command, end: CommandEnd | undefined, ctx: CompareContext): { result: CaseResult; bindings: Bindings } {
  const base = { name: where(command.at), at: command.at, command: command.text, durationMs: end?.durationMs ?? 0 };
  const fail = (status: CaseResult['status'], failure: CaseFailure) => ({ result: { ...base, status, failure }, bindings: ctx.bindings });
  if (!end) {
    const what = ctx.started ? 'started but did not finish' : 'did not run';
    return fail('not-run', { message: `${base.name}: ${shown(command.text)} ${what}`, at: command.at, cause: ctx.notRunCause });
  }
  if (end.timedOut) {
    const message = `${base.name}: ${shown(command.text)} timed out after ${command.timeout}s (timeout=${command.timeout}) and was killed`;
    return fail('timeout', { message, at: command.at, received: end.output, cause: 'the command did not finish before its deadline' });
  }
  const interactive = command.sessions.length > 0;
  const blocks: (Expectation | Session)[] = interactive ? command.sessions : command.outputs;
  const block = selectExpectation(blocks, ctx.engine);
  if (!block && blocks.length > 0) return fail('failed', uncovered(command, blocks, ctx.engine, end.output));
  const expectedExit = block && 'exit' in block ? block.exit : 0;
  if (!block) return checkExit(base, end, expectedExit, ctx.bindings);
  const actual = normalizeOutput(end.output, interactive ? 'session' : 'output');
  const expected = normalizeExpected(block.body);
  const mode = 'unordered' in block ? block : { unordered: false, subset: false };
  const aligned = alignLines(expected, actual, mode, ctx.bindings);
  if (aligned.ok) {
    const example = describeMatch(block.at, block.body, aligned.values);
    return checkExit(example ? { ...base, example } : base, end, expectedExit, aligned.bindings);
  }
  const failure: CaseFailure = {
    message: `${where(block.at)}: the output of ${shown(command.text)} (${base.name}) differs from the page`,
    at: block.at,
    expected: expected.join('\n'),
    received: actual.join('\n'),
    diff: formatDiff(block.at, expected, aligned.lines, ctx.engine),
    hint: updateCommand(block.at.file, ctx.contentDir),
  };
  const rewrite = { at: block.at, lines: aligned.lines };
  return { result: { ...base, status: 'failed', failure, rewrite }, bindings: aligned.bindings };
}

/**
 * An engine no block's range holds (a Docker newer than every range the page was proven on):
 * a failure that names the ranges there are, never a silent pass.
 */
function uncovered(command: Command, blocks: (Expectation | Session)[], engine: string, received: string): CaseFailure {
  const kind = command.sessions.length > 0 ? 'session' : 'output';
  const ranges = blocks.map((b) => `docker="${b.docker ?? '*'}" (${where(b.at)})`).join(', ');
  return {
    message: `${where(command.at)}: no ${kind} block of ${shown(command.text)} covers Docker ${engine}; the page has ${ranges}`,
    at: blocks[0]!.at,
    received,
    hint: `add a \`\`\`${kind} docker="..." block for Docker ${engine} with what it printed (below), or widen a range that holds it`,
  };
}

function checkExit(base: Omit<CaseResult, 'status'>, end: CommandEnd, expected: number, bindings: Bindings) {
  if (end.exitCode === expected) return { result: { ...base, status: 'ok' as const }, bindings };
  const failure: CaseFailure = {
    message: `${base.name}: ${shown(base.command)} exited with ${end.exitCode ?? 'a signal'}, the page expects ${expected}`,
    at: base.at,
    expected: `exit ${expected}`,
    received: `exit ${end.exitCode ?? 'signal'}`,
    cause: end.output.trim().split('\n').slice(-5).join('\n') || undefined,
  };
  return { result: { ...base, status: 'failed' as const, failure }, bindings };
}
