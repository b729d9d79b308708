// The guide's pages in navigation order, read once from the content collection.
import { getCollection } from 'astro:content';
import { orderPages, type NavPage } from './nav/order.ts';

/** Every page, index first, then the steps by `step`, then the rest. */
export async function loadPages(): Promise<NavPage[]> {
  const entries = await getCollection('pages');
  return orderPages(
    entries.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      description: entry.data.description,
      step: entry.data.step,
    })),
  );
}
