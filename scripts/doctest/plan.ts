// Which snippets run, and after which: one per page with `snippet:`, in the order the pages'
// `needs` allow (step1, then step2 and step3 together, step4 after step3); then
// `snippet="troubleshoot"` (the errors provoked against what the steps left running) after the
// pages it provokes errors of and the pages those need, not after the others (the networks page
// runs beside it: its names and port are its own); and `snippet="cleanup"` last of all, after
// every page and the errors. Pure.
import { isProvoked, TROUBLESHOOT } from '../page/commands.ts';
import { orderNeeds, orderWithNeeds } from '../page/needs.ts';
import type { Command, Page } from '../page/types.ts';

export interface SnippetPlan {
  name: string; // "step2", "cleanup"
  page?: string; // the page whose snippet it is ("step2"); none for cleanup
  file: string; // "snippets/step2.mjs"
  needs: string[]; // snippet names that must finish first
  commands: Command[]; // the cases it runs (set-up replays are not cases)
  deadlineMs: number; // for the whole snippet: its commands, its set-up replays, and a margin
}

const marginMs = 15_000;

const sumTimeouts = (commands: Command[]) => commands.reduce((s, c) => s + c.timeout * 1000, 0);

/** The snippets of the pages, each with what it needs and a deadline. */
export function planSnippets(pages: Page[], snippetsDir: string): SnippetPlan[] {
  const snippetOf = new Map(pages.flatMap((p) => (p.frontmatter.snippet ? [[p.id, p.frontmatter.snippet] as const] : [])));
  const all = pages.flatMap((p) => p.commands);
  const names = [...new Set(all.map((c) => c.snippet).filter((s): s is string => s !== undefined))];
  const pageSnippets = new Set(snippetOf.values());
  const afterErrors = names.includes(TROUBLESHOOT) ? [TROUBLESHOOT] : [];
  const provoking = orderWithNeeds(pages.filter((p) => p.commands.some(isProvoked)), pages); // the errors' pages and what they need
  return names.map((name): SnippetPlan => {
    const commands = all.filter((c) => c.snippet === name);
    const page = pages.find((p) => p.frontmatter.snippet === name);
    const needs = page
      ? page.frontmatter.needs.flatMap((id) => (snippetOf.has(id) ? [snippetOf.get(id)!] : []))
      : name === TROUBLESHOOT
        ? provoking.flatMap((p) => (p.frontmatter.snippet ? [p.frontmatter.snippet] : []))
        : [...pageSnippets, ...afterErrors]; // cleanup and the like: after every page's snippet and the errors
    const replayed = (page ? orderNeeds(page, pages) : name === TROUBLESHOOT ? provoking : []).flatMap((p) => p.commands.filter((c) => c.snippet === p.frontmatter.snippet));
    return { name, page: page?.id, file: `${snippetsDir}/${name}.mjs`, needs, commands, deadlineMs: sumTimeouts([...commands, ...replayed]) + marginMs };
  });
}

/**
 * Runs every snippet once its needs have finished (whatever their outcome: each snippet sets up
 * what it needs itself), as many at a time as the graph allows. `prepare` is called for a snippet
 * as soon as all its needs have started, so its start-up overlaps with theirs.
 */
export async function runInOrder(
  plans: SnippetPlan[],
  prepare: (plan: SnippetPlan) => void,
  run: (plan: SnippetPlan) => Promise<void>,
): Promise<void> {
  const started = new Map(plans.map((p) => [p.name, Promise.withResolvers<void>()]));
  const finished = new Map<string, Promise<void>>();
  const finish = (plan: SnippetPlan): Promise<void> => {
    const existing = finished.get(plan.name);
    if (existing) return existing;
    const needs = plans.filter((p) => plan.needs.includes(p.name));
    void Promise.all(needs.map((p) => started.get(p.name)!.promise)).then(() => prepare(plan));
    const promise = Promise.all(needs.map(finish)).then(() => {
      started.get(plan.name)!.resolve();
      return run(plan);
    });
    finished.set(plan.name, promise);
    return promise;
  };
  await Promise.all(plans.map(finish));
}
