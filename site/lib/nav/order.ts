// The order of the guide's pages, from their front matter alone: the index first, then the
// steps by `step`, then any other page by title. Adding `content/networks.mdx` needs no code.

export interface PageInfo {
  id: string; // file name without .mdx: "index", "step2", "networks"
  title: string;
  description: string;
  step?: number | undefined;
}

export interface NavPage extends PageInfo {
  slug: string; // "" for the index, else the id
}

export interface PageNav {
  previous?: NavPage | undefined;
  next?: NavPage | undefined;
  stepCount: number; // pages with a `step`
  position?: string | undefined; // "Step 2 of 4", for step pages
}

export const INDEX_ID = 'index';

/** Orders pages for navigation; two pages claiming the same step is an error naming both. */
export function orderPages(pages: readonly PageInfo[]): NavPage[] {
  const steps = pages.filter((page) => page.step !== undefined && page.id !== INDEX_ID);
  const seen = new Map<number, string>();
  for (const page of steps) {
    const other = seen.get(page.step ?? 0);
    if (other) {
      throw new Error(`content/${page.id}.mdx: step ${page.step} is also content/${other}.mdx; give each page its own step number`);
    }
    seen.set(page.step ?? 0, page.id);
  }
  const index = pages.filter((page) => page.id === INDEX_ID);
  const others = pages.filter((page) => page.step === undefined && page.id !== INDEX_ID);
  return [
    ...index,
    ...steps.sort((a, b) => (a.step ?? 0) - (b.step ?? 0)),
    ...others.sort((a, b) => a.title.localeCompare(b.title)),
  ].map((page) => ({ ...page, slug: page.id === INDEX_ID ? '' : page.id }));
}

/** Previous and next page, and "Step 2 of 4" on step pages. */
export function findPageNav(ordered: readonly NavPage[], id: string): PageNav {
  const at = ordered.findIndex((page) => page.id === id);
  if (at < 0) throw new Error(`no page "${id}" among ${ordered.map((page) => page.id).join(', ')}`);
  const page = ordered[at];
  const stepCount = ordered.filter((other) => other.step !== undefined && other.id !== INDEX_ID).length;
  return {
    previous: ordered[at - 1],
    next: ordered[at + 1],
    stepCount,
    position: page?.step !== undefined && page.id !== INDEX_ID ? `Step ${page.step} of ${stepCount}` : undefined,
  };
}
