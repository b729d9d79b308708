// Stage "parse": the commands of one `sh` block, each with its own line.
import type { Command, Location, PageError } from './types.ts';
import type { Fence } from './fences.ts';
import { readInteger, readString, type Meta } from './meta.ts';

export const DEFAULT_TIMEOUT = 60;

/**
 * `snippet="troubleshoot"`: the block's commands provoke an error on purpose ("When it goes
 * wrong"). They go to snippets/troubleshoot.mjs, never to the step's own snippet, and run as
 * typed (never reused or skipped); the preflight does not check what they name.
 */
export const TROUBLESHOOT = 'troubleshoot';

/** A command that provokes an error on purpose (`snippet="troubleshoot"`). */
export const isProvoked = (command: Pick<Command, 'snippet'>): boolean => command.snippet === TROUBLESHOOT;

/** Splits a `sh` block into commands: one per line, `\` continuations kept verbatim in `text`. */
export function splitCommands(
  file: string,
  fence: Fence,
  meta: Meta,
  pageSnippet: string | undefined,
): { commands: Command[]; errors: PageError[] } {
  const at: Location = { file, line: fence.line };
  const errors: PageError[] = [];
  const options = {
    ready: readString(meta, 'ready', at, errors),
    timeout: readInteger(meta, 'timeout', DEFAULT_TIMEOUT, at, errors),
    interactive: meta.get('interactive') === true,
    snippet: readString(meta, 'snippet', at, errors) ?? pageSnippet,
    title: readString(meta, 'title', at, errors),
  };
  const commands: Command[] = [];
  let pending: { line: number; parts: string[] } | undefined;
  fence.lines.forEach((raw, index) => {
    const line = fence.bodyLine + index;
    if (!pending && raw.trim() === '') return;
    pending ??= { line, parts: [] };
    pending.parts.push(raw.trimEnd());
    if (raw.trimEnd().endsWith('\\')) return;
    commands.push(makeCommand(file, fence.line, commands.length + 1, pending, options));
    pending = undefined;
  });
  if (pending) {
    errors.push({
      at: { file, line: pending.line },
      message: 'the command ends with \\ but the block ends there; remove the trailing \\ or add the next line',
    });
  }
  if (commands.length === 0) {
    errors.push({ at, message: 'the sh block has no command; write one command per line, or remove the block' });
  }
  return { commands, errors };
}

function makeCommand(
  file: string,
  blockLine: number,
  index: number,
  pending: { line: number; parts: string[] },
  options: { ready?: string; timeout: number; interactive: boolean; snippet?: string; title?: string },
): Command {
  const command: Command = {
    id: `${file}:${blockLine}#${index}`,
    at: { file, line: pending.line },
    text: pending.parts.join('\n'),
    timeout: options.timeout,
    interactive: options.interactive,
    snippet: options.snippet,
    outputs: [],
    sessions: [],
  };
  if (options.ready !== undefined) command.ready = options.ready;
  if (options.title !== undefined) command.title = options.title;
  return command;
}
