// "On this page": the sections of a long page, from the headings the build gives each page
// (Astro's `render(entry).headings`, whose slugs are the ids the heading-anchors step gives).
// A short page has none: its few sections are in view without a list.

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface Section {
  slug: string;
  text: string;
}

/** A page with at least this many sections (h2) lists them. */
export const MIN_SECTIONS = 4;

/** The page's h2 sections in order, or none when it has fewer than `min`. */
export function findSections(headings: readonly Heading[], min: number = MIN_SECTIONS): Section[] {
  const sections = headings.filter((heading) => heading.depth === 2).map(({ slug, text }) => ({ slug, text }));
  return sections.length >= min ? sections : [];
}
