// A page's link-preview card as SVG text (pure), 1200 x 630 as Open Graph asks: the site's name,
// "Step N of 4", the page's title, and the step's picture on the right in fixed light colours
// (a preview has no dark mode). The route site/pages/og/[slug].png.ts turns it into a PNG.
import type { DiagramText } from './describe.ts';
import type { Layout } from './layout.ts';
import { escapeXml, renderDiagramSvg, type Palette } from './render-svg.ts';

export const CARD = { width: 1200, height: 630 };
const MARGIN = 56;
const TITLE_SIZE = 60;

/** The light palette of site/styles/guide.css, fixed. */
export const CARD_PALETTE: Palette = { fg: '#1f2328', muted: '#57606a', line: '#d0d7de', card: '#f6f8fa', accent: '#0b57d0' };

export interface CardContent {
  siteName: string;
  title: string;
  position?: string | undefined; // "Step 3 of 4"
  picture?: { layout: Layout; text: DiagramText } | undefined;
}

export function renderOgCard({ siteName, title, position, picture }: CardContent): string {
  const room = CARD.height - 2 * 40;
  const scale = picture ? Math.min(room / picture.layout.height, 1.5) : 0;
  const pictureWidth = picture ? picture.layout.width * scale : 0;
  const textWidth = CARD.width - 2 * MARGIN - (picture ? pictureWidth + 48 : 0);
  const lines = wrapWords(title, Math.floor(textWidth / (TITLE_SIZE * 0.56)));
  const titleTop = CARD.height / 2 - (lines.length * TITLE_SIZE * 1.15) / 2 + TITLE_SIZE * 0.8;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="12" fill="${CARD_PALETTE.accent}"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 40}" font-family="'DejaVu Sans',system-ui,sans-serif" font-size="28" fill="${CARD_PALETTE.muted}">${escapeXml(siteName)}</text>`,
    ...lines.map((line, i) => `<text x="${MARGIN}" y="${titleTop + i * TITLE_SIZE * 1.15}" font-family="'DejaVu Sans',system-ui,sans-serif" font-weight="bold" font-size="${TITLE_SIZE}" fill="${CARD_PALETTE.fg}">${escapeXml(line)}</text>`),
    position ? `<text x="${MARGIN}" y="${CARD.height - MARGIN}" font-family="'DejaVu Sans',system-ui,sans-serif" font-weight="bold" font-size="34" fill="${CARD_PALETTE.accent}">${escapeXml(position)}</text>` : '',
    picture ? renderDiagramSvg(picture.layout, picture.text, { id: 'card', palette: CARD_PALETTE, place: { x: CARD.width - MARGIN - pictureWidth, y: (CARD.height - picture.layout.height * scale) / 2, scale } }) : '',
    '</svg>',
  ];
  return parts.join('');
}

/** Words into lines of at most `max` characters (a longer word is a line of its own). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** What the card shows, in words: its og:image:alt. */
export function describeOgCard({ title, position, text }: { title: string; position?: string | undefined; text?: DiagramText | undefined }): string {
  const head = position ? `${title}, ${position}` : title;
  return text ? `${head}, beside a picture of what runs: ${text.items.join(' ')}` : head;
}
