// One helper for the doctest unit tests: the real pages (parsed), the real captures from the
// engine (test/fixtures/engine-*/), and a `command-end` event built from them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isProvoked } from '../../../scripts/page/commands.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import type { Command, Page } from '../../../scripts/page/types.ts';
import type { CommandEnd } from '../../../scripts/doctest/compare.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** `content/<id>.mdx`, parsed. */
export function readPage(id: string): Page {
  const file = `content/${id}.mdx`;
  return parsePage(file, readFileSync(path.join(root, file), 'utf8')).page;
}

/** `content/<id>.mdx`, parsed, without the errors it provokes on purpose (`snippet="troubleshoot"`): the lesson alone. */
export function readLesson(id: string): Page {
  const page = readPage(id);
  return { ...page, commands: page.commands.filter((c) => !isProvoked(c)) };
}

/** The command at `line` of a page (the line of the command itself). */
export function commandAt(page: Page, line: number): Command {
  const command = page.commands.find((c) => c.at.line === line);
  if (!command) throw new Error(`${page.file}:${line}: no command there (commands at ${page.commands.map((c) => c.at.line).join(', ')})`);
  return command;
}

/** A captured output: `engine-20.10/env.txt`. */
export function readCapture(name: string): string {
  return readFileSync(path.join(root, 'test/fixtures', name), 'utf8');
}

/** What a snippet run reports for a command that printed `output`. */
export function commandEnd(command: Command, output: string, exitCode = 0): CommandEnd {
  return { kind: 'command-end', id: command.id, at: command.at, text: command.text, output, exitCode, durationMs: 420, timedOut: false, containers: [] };
}

/** The command of a page whose text is `text` (as typed), wherever its line is now. */
export function commandOf(page: Page, text: string): Command {
  const command = page.commands.find((c) => c.text === text);
  if (!command) throw new Error(`${page.file}: no command \`${text}\` (commands: ${page.commands.map((c) => c.text).join('; ')})`);
  return command;
}
