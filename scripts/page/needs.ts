// Stage "discover": the `needs` graph between pages — checked, and ordered for set-up replay.
import type { Page, PageError } from './types.ts';

/** Errors for `needs` entries that name no page, or that form a cycle. */
export function checkNeeds(pages: Page[], needsLine: (page: Page) => number): PageError[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const errors: PageError[] = [];
  for (const page of pages) {
    const at = { file: page.file, line: needsLine(page) };
    for (const need of page.frontmatter.needs) {
      if (!byId.has(need)) {
        errors.push({ at, message: `needs: ${need} names no page; write one of: ${[...byId.keys()].join(', ')}` });
      }
    }
    if (findCycle(page.id, byId)) {
      errors.push({ at, message: `needs: ${page.id} needs itself (through ${page.frontmatter.needs.join(', ')}); remove one of the needs` });
    }
  }
  return errors;
}

/** The pages `page` needs, recursively, each once, dependencies before dependants (not `page` itself). */
export function orderNeeds(page: Page, pages: Page[]): Page[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const ordered: Page[] = [];
  const seen = new Set<string>([page.id]);
  const visit = (current: Page): void => {
    for (const id of current.frontmatter.needs) {
      const need = byId.get(id);
      if (!need || seen.has(id)) continue;
      seen.add(id);
      visit(need);
      ordered.push(need);
    }
  };
  visit(page);
  return ordered;
}

/** The pages `on`, each after what it needs (recursively): every page once, dependencies first. */
export function orderWithNeeds(on: Page[], pages: Page[]): Page[] {
  return [...new Map(on.flatMap((p) => [...orderNeeds(p, pages), p]).map((p) => [p.id, p])).values()];
}

function findCycle(start: string, byId: Map<string, Page>): boolean {
  const stack = [...(byId.get(start)?.frontmatter.needs ?? [])];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (id === start) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.frontmatter.needs ?? []));
  }
  return false;
}
