// A step's picture as SVG text (pure), from its layout: no script, a viewBox that scales to the
// width it is given, <title> and <desc> from the text alternative, and its colours from a palette:
// the page's own (CSS variables: light and dark follow the page) or fixed ones (the PNG card).
import type { DiagramText } from './describe.ts';
import { joinDescription } from './describe.ts';
import { ROW, type Layout } from './layout.ts';
import { rowMiddle } from './layout.ts';

export interface Palette {
  fg: string;
  muted: string;
  line: string;
  card: string;
  accent: string;
}

/** The page's colours, which switch with its light and dark mode (site/styles/guide.css). */
export const PAGE_PALETTE: Palette = {
  fg: 'var(--fg, currentColor)',
  muted: 'var(--muted, currentColor)',
  line: 'var(--line, currentColor)',
  card: 'var(--code-bg, transparent)',
  accent: 'var(--accent, currentColor)',
};

export interface SvgOptions {
  id: string; // prefix of the ids <title> and <desc> get
  palette: Palette;
  place?: { x: number; y: number; scale: number } | undefined; // nested in a larger picture (the PNG card)
}

export function renderDiagramSvg(layout: Layout, text: DiagramText, { id, palette, place }: SvgOptions): string {
  const at = place ? ` x="${place.x}" y="${place.y}"` : '';
  const scale = place?.scale ?? 1;
  const style = [
    `.dg text{font:12px ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;fill:${palette.fg}}`,
    `.dg .t{font:bold 13px system-ui,'DejaVu Sans',sans-serif}`,
    `.dg .m{fill:${palette.muted}}`,
    `.dg .c{fill:${palette.card};stroke:${palette.line}}`,
    `.dg .n{stroke-width:2;stroke:${palette.fg}}`,
    `.dg .f{fill:none;stroke:${palette.muted};stroke-dasharray:5 4}`,
    `.dg .a{fill:none;stroke:${palette.muted};stroke-width:1.5;stroke-dasharray:4 3}`,
    `.dg .a.on{stroke:${palette.accent};stroke-width:2;stroke-dasharray:none}`,
    `.dg .h{fill:${palette.muted}}.dg .h.on{fill:${palette.accent}}`,
  ].join('');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="dg" viewBox="0 0 ${layout.width} ${layout.height}"${at} width="${layout.width * scale}" height="${layout.height * scale}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(text.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(joinDescription(text))}</desc>`,
    `<style>${style}</style>`,
    ...layout.frames.map((f) => `<rect class="f" x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" rx="10"/><text class="m" x="${f.x + 10}" y="${f.y + ROW - 3}">${escapeXml(f.label)}</text>`),
    ...layout.cards.map((card) => {
      const rows = card.rows.map((row, i) => `<text${row.tone === 'title' ? ' class="t"' : row.tone === 'muted' ? ' class="m"' : ''} x="${card.x + 10}" y="${rowMiddle(card, i) + 4}">${escapeXml(row.text)}</text>`);
      return `<rect class="c${card.current ? ' n' : ''}" x="${card.x}" y="${card.y}" width="${card.width}" height="${card.height}" rx="6"/>${rows.join('')}`;
    }),
    ...layout.arrows.map((arrow) => {
      const on = arrow.active ? ' on' : '';
      const [x, y] = arrow.points.at(-1)!;
      return `<path class="a${on}" d="M${arrow.points.map(([px, py]) => `${px} ${py}`).join('L')}"/><path class="h${on}" d="M${x} ${y}l7 -4v8z"/>`;
    }),
    '</svg>',
  ];
  return parts.join('');
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
