// Stage "parse": page text in, a Page with every command, output and session located by file:line.
// Pure: no file system, no clock. The contract is docs/page-format.md.
import type { Command, Expectation, Page, PageError, Session } from './types.ts';
import { scanFences } from './fences.ts';
import { parseMeta } from './meta.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { splitCommands } from './commands.ts';
import { readOutput, readSession } from './blocks.ts';

export interface ParseResult {
  page: Page;
  errors: PageError[];
  needsLine: number; // 1-based line of `needs:` in the front matter, for errors about it
}

/** The block of commands the next output or session blocks belong to. */
interface Cursor {
  commands: Command[];
  next: number; // index of the next command that takes an output block
  last?: Command; // command the previous output block went to
  lastRanged: boolean; // whether that block had docker="..."
}

/** Parses one page. `file` is the path relative to the project root, e.g. "content/step2.mdx". */
export function parsePage(file: string, text: string): ParseResult {
  const lines = text.split(/\r?\n/);
  const fm = parseFrontmatter(file, lines);
  const body = [...Array(fm.bodyStart).fill(''), ...lines.slice(fm.bodyStart)].join('\n');
  const scanned = scanFences(file, body);
  const errors = [...fm.errors, ...scanned.errors];
  const page: Page = { id: pageId(file), file, frontmatter: fm.frontmatter, commands: [] };
  let cursor: Cursor | undefined;
  for (const fence of scanned.fences) {
    const at = { file, line: fence.line };
    if (!['sh', 'output', 'session'].includes(fence.lang)) continue;
    const { meta, errors: metaErrors } = parseMeta(fence.lang, fence.meta, at);
    errors.push(...metaErrors);
    if (fence.lang === 'sh') {
      const split = splitCommands(file, fence, meta, fm.frontmatter.snippet);
      errors.push(...split.errors);
      page.commands.push(...split.commands);
      cursor = { commands: split.commands, next: 0, lastRanged: false };
    } else if (fence.lang === 'output') {
      attachOutput(cursor, readOutput(at, fence, meta, errors), errors);
    } else {
      attachSession(cursor, readSession(at, fence, meta, errors), errors);
    }
  }
  for (const command of page.commands) {
    if (command.interactive && command.sessions.length === 0) {
      errors.push({
        at: command.at,
        message: 'the interactive command has no session block; add a ```session prompt="..." block after it with what a person types and sees',
      });
    }
  }
  return { page, errors, needsLine: fm.needsLine };
}

function attachOutput(cursor: Cursor | undefined, out: Expectation, errors: PageError[]): void {
  const ranged = out.docker !== undefined;
  if (cursor?.last && ranged && cursor.lastRanged) {
    if (cursor.last.outputs.some((o) => o.docker === out.docker)) {
      errors.push({ at: out.at, message: `a second output block for docker="${out.docker}"; give each block its own, disjoint range` });
    }
    cursor.last.outputs.push(out);
    return;
  }
  const command = cursor?.commands[cursor.next];
  if (!cursor || !command) {
    errors.push({
      at: out.at,
      message: cursor
        ? `the output block has no command left to belong to (the sh block before it has ${cursor.commands.length}); put one output block per command, in order, right after its sh block`
        : 'the output block has no command before it; put it after the ```sh block whose output it shows',
    });
    return;
  }
  command.outputs.push(out);
  cursor.next += 1;
  cursor.last = command;
  cursor.lastRanged = ranged;
}

function attachSession(cursor: Cursor | undefined, session: Session, errors: PageError[]): void {
  const interactive = cursor?.commands.filter((c) => c.interactive) ?? [];
  const last = interactive.findLast((c) => c.sessions.length > 0);
  const previous = last?.sessions.at(-1);
  // a ranged session right after a ranged session of the same command: another engine's screen
  if (last && previous && session.docker !== undefined && previous.docker !== undefined && !interactive.some((c) => c.sessions.length === 0)) {
    if (last.sessions.some((s) => s.docker === session.docker)) {
      errors.push({ at: session.at, message: `a second session block for docker="${session.docker}"; give each block its own, disjoint range` });
    }
    if (session.prompt !== previous.prompt || session.inputs.join('\n') !== previous.inputs.join('\n')) {
      errors.push({
        at: session.at,
        message: `the session block for docker="${session.docker}" types other input than the one at line ${previous.at.line}; ` +
          'every engine\'s screen of one command has the same prompt and typed lines (only the output differs)',
      });
    }
    last.sessions.push(session);
    return;
  }
  const command = interactive.find((c) => c.sessions.length === 0);
  if (!command) {
    errors.push({
      at: session.at,
      message: 'the session block has no interactive command before it; mark its command block ```sh interactive',
    });
    return;
  }
  command.sessions.push(session);
}

/** "content/step2.mdx" -> "step2" */
export function pageId(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.mdx?$/, '');
}
