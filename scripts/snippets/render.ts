// Stage "generate": pages in, snippet files out (pure). One call per command, each under a
// `file:line` comment, with the command text as the page shows it.
import type { Command, Page } from '../page/types.ts';
import { DEFAULT_TIMEOUT, isProvoked, TROUBLESHOOT } from '../page/commands.ts';
import { orderNeeds, orderWithNeeds } from '../page/needs.ts';
import { toCommandLiteral, toObjectLiteral } from './js.ts';

export interface SnippetFile {
  path: string; // "snippets/step3.mjs"
  sources: string[]; // the pages it comes from
  text: string;
}

export const CLEANUP = 'cleanup';

/**
 * Every snippet the pages define: one per page with `snippet:`, then troubleshoot.mjs from
 * `snippet="troubleshoot"` blocks and cleanup.mjs from `snippet="cleanup"` blocks.
 */
export function renderSnippets(pages: Page[]): SnippetFile[] {
  const steps = pages.filter((p) => p.frontmatter.snippet).map((p) => renderStep(p, pages));
  return [...steps, renderTroubleshoot(pages), renderCleanup(pages)].filter((f): f is SnippetFile => f !== undefined);
}

/** A step's snippet: set-up replayed from the pages it needs, then its own commands. */
export function renderStep(page: Page, pages: Page[]): SnippetFile {
  const snippet = page.frontmatter.snippet ?? page.id;
  const setup = orderNeeds(page, pages).flatMap((need) => renderSetup(need, ownCommands(need)));
  const body = ownCommands(page).map((c) => renderCall(c.sessions.length > 0 ? 'session' : 'command', c));
  const next = nextStep(page, pages);
  const meta = { page: page.id, file: page.file, title: page.frontmatter.title, snippet, summary: page.frontmatter.description, ...(next ? { next } : {}) };
  return {
    path: `snippets/${snippet}.mjs`,
    sources: [page.file],
    text: renderFile([page.file], `${page.frontmatter.title}: ${page.frontmatter.description}`, snippet, meta, [...setup, ...body], removesContainers(page) ? '{ forgetRemoved: true }' : ''),
  };
}

/** The step after this one that has a script: what the script names at its end. */
function nextStep(page: Page, pages: Page[]): { snippet: string; title: string } | undefined {
  const step = page.frontmatter.step;
  if (step === undefined) return undefined;
  const next = pages.find((p) => p.frontmatter.step === step + 1 && p.frontmatter.snippet);
  return next?.frontmatter.snippet ? { snippet: next.frontmatter.snippet, title: `step ${step + 1}, ${next.frontmatter.title}` } : undefined;
}

/**
 * troubleshoot.mjs from every `snippet="troubleshoot"` block, in page order: first, as set-up, the
 * pages those blocks are on (and what they need), so that the errors meet what a reader has
 * running at that step; then each command run as typed (`provoke`), expecting its page's exit
 * status. Undefined when there is none.
 */
export function renderTroubleshoot(pages: Page[]): SnippetFile | undefined {
  const commands = pages.flatMap((p) => p.commands.filter(isProvoked));
  if (commands.length === 0) return undefined;
  const on = pages.filter((p) => commands.some((c) => c.at.file === p.file));
  const setup = orderWithNeeds(on, pages).flatMap((need) => renderSetup(need, ownCommands(need)));
  const sources = on.map((p) => p.file);
  const meta = { page: TROUBLESHOOT, file: sources.join(', '), title: 'When it goes wrong', snippet: TROUBLESHOOT };
  const summary = "When it goes wrong: sets up the steps, then provokes each error their pages' \"When it goes wrong\" sections show, on purpose.";
  const body = commands.map((c) => renderCall('command', c, undefined, true));
  return { path: `snippets/${TROUBLESHOOT}.mjs`, sources, text: renderFile(sources, summary, TROUBLESHOOT, meta, [...setup, ...body], '') };
}

/** A needed page's commands replayed as set-up, under a heading naming the page. */
function renderSetup(need: Page, own: Command[]): string[] {
  if (own.length === 0) return [];
  const name = need.frontmatter.step === undefined ? need.id : `step ${need.frontmatter.step}`;
  const heading = `// Set-up from ${name}, "${need.frontmatter.title}" (${need.file}), which this step needs:`;
  return [heading, ...own.map((c) => renderCall('setup', c, need.id))];
}

/** cleanup.mjs from every `snippet="cleanup"` block, in page order; undefined when there is none. */
export function renderCleanup(pages: Page[]): SnippetFile | undefined {
  const commands = pages.flatMap((p) => p.commands.filter((c) => c.snippet === CLEANUP));
  if (commands.length === 0) return undefined;
  const sources = [...new Set(commands.map((c) => c.at.file))];
  const meta = { page: CLEANUP, file: sources.join(', '), title: 'Clean up', snippet: CLEANUP };
  const summary = 'Clean up: removes what the guide created (redis-server and the containers linked to it, then every container, network, volume and image it recorded), nothing else.';
  const body = commands.map((c) => renderCall('command', c));
  return { path: `snippets/${CLEANUP}.mjs`, sources, text: renderFile(sources, summary, CLEANUP, meta, body, '{ forgetRemoved: true, removeRecorded: true }') };
}

/** A page that ends by cleaning up after itself (`docker rm` in its own snippet) forgets what it removed. */
function removesContainers(page: Page): boolean {
  return ownCommands(page).some((c) => /^docker\s+(container\s+)?rm\s/.test(c.text));
}

function ownCommands(page: Page): Command[] {
  return page.commands.filter((c) => c.snippet !== undefined && c.snippet === page.frontmatter.snippet);
}

function renderCall(method: 'setup' | 'command' | 'session', c: Command, from?: string, provoke?: true): string {
  const options = toObjectLiteral({
    id: c.id,
    at: `${c.at.file}:${c.at.line}`,
    from,
    ready: c.ready,
    timeout: c.timeout === DEFAULT_TIMEOUT ? undefined : c.timeout,
    exit: c.outputs[0]?.exit ? c.outputs[0].exit : undefined,
    prompt: c.sessions[0]?.prompt,
    inputs: c.sessions[0]?.inputs,
    provoke,
  });
  return `// ${c.at.file}:${c.at.line}${c.title ? ` (${c.title})` : ''}\nstep.${method}(${toCommandLiteral(c.text)}, ${options});\n`;
}

function renderFile(sources: string[], summary: string, snippet: string, meta: Parameters<typeof toObjectLiteral>[0], calls: string[], runOptions: string): string {
  return [
    '#!/usr/bin/env zx',
    `// ${summary}`,
    '//',
    `// Generated from ${sources.join(' and ')} by \`npm run snippets\`; edit the page, not this file.`,
    `// Run it: npx zx snippets/${snippet}.mjs (or node snippets/${snippet}.mjs). Running it twice is safe.`,
    "import { defineStep } from './lib/step.mjs';",
    '',
    `const step = defineStep(${toObjectLiteral(meta)});`,
    '',
    ...calls,
    `await step.run(${runOptions});`,
    '',
  ].join('\n');
}
