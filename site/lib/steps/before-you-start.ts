// "Before you start" on a step page, derived from the pages alone (pure): what the pages it needs
// (`needs`, recursively, as the snippets replay them: scripts/page/needs.ts) leave running, each
// named by the command that starts it (snippets/lib/docker-command.mjs reads the command text),
// the one command per needed page that sets it all up (its snippet replays its own needs), and
// the time the page says it takes (`minutes`). Nothing here is written by hand on a page.
import { orderNeeds } from '../../../scripts/page/needs.ts';
import type { Page } from '../../../scripts/page/types.ts';
import { describeCommand } from '../../../snippets/lib/docker-command.mjs';
import { describeSnippet } from '../blocks/labels.ts';

/** A page named in the box: "step 1" (its step) or its title, and where it is. */
export interface PageRef {
  id: string;
  name: string; // "step 1", or the title of a page without a step
  title: string;
}

/** What a needed page leaves running: a container (by name, or by image and ports) or a network. */
export interface Running {
  kind: 'container' | 'network';
  name?: string | undefined; // "redis-server"
  image?: string | undefined; // "katacoda/redis-node-docker-example", for a container with no name
  ports: number[]; // host ports it publishes
  from: PageRef;
  command: string; // the command that started it, as the page writes it
}

export interface BeforeYouStart {
  minutes?: number | undefined;
  running: Running[]; // in the order the set-up starts them
  setup: string[]; // "npx zx snippets/step1.mjs": one per needed page no other needed page already sets up
}

export function describePage(page: Page): PageRef {
  const { step, title } = page.frontmatter;
  return { id: page.id, name: step === undefined ? title : `step ${step}`, title };
}

/**
 * The box of `page`, or undefined when there is nothing to say (no step, no needs, no minutes).
 * How long: the page's `minutes`, else, given its text, an estimate from it (`estimateMinutes`).
 */
export function planBeforeYouStart(page: Page, pages: readonly Page[], text?: string): BeforeYouStart | undefined {
  const { needs, step } = page.frontmatter;
  const minutes = page.frontmatter.minutes ?? (step !== undefined && text !== undefined ? estimateMinutes(page, text) : undefined);
  if (step === undefined && needs.length === 0 && minutes === undefined) return undefined;
  const needed = orderNeeds(page, [...pages]);
  const running = findRunningBefore(page, pages);
  // a needed page that another needed page also needs is set up by that one's snippet
  const covered = new Set(needed.flatMap((need) => orderNeeds(need, [...pages]).map((p) => p.id)));
  const setup = needed
    .filter((need) => !covered.has(need.id) && need.frontmatter.snippet !== undefined)
    .map((need) => describeSnippet(need.frontmatter.snippet!));
  return { minutes, running, setup };
}

/** What the pages `page` needs leave running when it starts, in the order the set-up starts them. */
export function findRunningBefore(page: Page, pages: readonly Page[]): Running[] {
  return orderNeeds(page, [...pages]).reduce<Running[]>((now, need) => findRunning(need, now), []);
}

/** What is running after `page`'s own commands (not its clean-up), given what ran before it. */
export function findRunning(page: Page, before: readonly Running[]): Running[] {
  let running = [...before];
  const from = describePage(page);
  for (const command of page.commands.filter((c) => c.snippet !== undefined && c.snippet === page.frontmatter.snippet)) {
    const effect = describeCommand(command.text);
    if (effect.kind === 'run' && effect.detached) {
      running.push({ kind: 'container', name: effect.name, image: effect.name === undefined ? effect.image : undefined, ports: effect.ports, from, command: command.text });
    } else if (effect.kind === 'rm') {
      running = running.filter((thing) => thing.kind !== 'container' || thing.name === undefined || !effect.names.includes(thing.name));
    } else if (effect.kind === 'network-create') {
      running.push({ kind: 'network', name: effect.name, ports: [], from, command: command.text });
    } else if (effect.kind === 'network-rm') {
      running = running.filter((thing) => thing.kind !== 'network' || !effect.names.includes(thing.name ?? ''));
    }
  }
  return running;
}

const WORDS_PER_MINUTE = 200; // reading prose
const MINUTES_PER_COMMAND = 0.5; // copying or typing one command, and reading what it prints

/**
 * About how long a reader spends on a step that does not say (`minutes:`), in whole minutes, at
 * least 1: its prose (the page text without front matter, code blocks, markup and link targets)
 * at 200 words a minute, and half a minute for each command the step's own script runs (not its
 * clean-up, nor the errors "When it goes wrong" provokes). Pure.
 */
export function estimateMinutes(page: Page, text: string): number {
  const prose = text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#>*_`[\]|-]/g, ' ');
  const words = prose.split(/\s+/).filter((word) => /\w/.test(word)).length;
  const commands = page.commands.filter((command) => command.snippet !== undefined && command.snippet === page.frontmatter.snippet).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + commands * MINUTES_PER_COMMAND));
}

/** "about 5 minutes", "about 1 minute". */
export function describeMinutes(minutes: number): string {
  return `About ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
