// Where everything of a step's picture goes (pure): one column of cards, 320 units wide so that a
// 360 px phone (320 px of content) shows the text at its size, your machine on top, then whoever
// reaches another above it; each arrow in a lane of its own on the right, from the row that says
// where it goes to the card it reaches; a dashed frame around the containers of a user-defined
// network. Text is written in rows of monospace characters, wrapped to fit.
import { describeHop, type Box, type Diagram } from './model.ts';

export const WIDTH = 320;
export const ROW = 17; // one row of 12-unit monospace text
export const CHAR = 7.3; // one monospace character at 12 units, a little over its 0.6 em
const PAD = 10; // inside a card
const GAP = 16; // between cards
const LANE = 10; // between arrows
const INDENT = 8; // cards inside a network frame

export interface Row {
  text: string;
  tone: 'plain' | 'muted' | 'title';
}

export interface Card {
  key: string; // Box.key, or "host"
  x: number;
  y: number;
  width: number;
  height: number;
  rows: Row[];
  current: boolean; // started by this step (not a needed page), or this machine
}

export interface Arrow {
  points: [number, number][];
  active: boolean; // this step's traffic
}

export interface Frame {
  label: string; // "network guide-net"
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  cards: Card[];
  arrows: Arrow[];
  frames: Frame[];
}

interface Plan {
  key: string;
  rows: Row[];
  current: boolean;
  network?: string | undefined;
  starts: { row: number; to: string; land?: string; active: boolean }[]; // arrows leaving this card, landing on the target's row named `land`
  lands: Map<string, number>; // rows an arrow may land on: "port:3000" (default: the title)
}

export function layOutDiagram(diagram: Diagram): Layout {
  const plans = [...(diagram.entries.length > 0 ? [planHost(diagram)] : []), ...diagram.boxes.map((box) => planBox(box, diagram))];
  const arrowCount = plans.reduce((sum, plan) => sum + plan.starts.length, 0);
  const right = WIDTH - 4 - LANE * arrowCount;
  const cards: Card[] = [];
  const frames: Frame[] = [];
  let y = 1;
  let frame: Frame | undefined;
  for (const plan of plans) {
    if (plan.network !== frame?.label.slice('network '.length)) {
      if (frame) ((y = closeFrame(frame, y, frames)), (frame = undefined));
      if (plan.network !== undefined) ((frame = { label: `network ${plan.network}`, x: 1, y, width: right - 1, height: 0 }), (y += ROW + 6));
    }
    const x = frame ? 1 + INDENT : 1;
    const width = right - x - (frame ? INDENT : 0);
    const rows = plan.rows.flatMap((row) => wrapRow(row, Math.floor((width - 2 * PAD) / CHAR)));
    cards.push({ key: plan.key, x, y, width, height: 2 * PAD + rows.length * ROW - 4, rows, current: plan.current });
    y += cards.at(-1)!.height + GAP;
  }
  if (frame) y = closeFrame(frame, y, frames);
  return { width: WIDTH, height: Math.ceil(y - GAP + 2), cards, arrows: routeArrows(plans, cards, right), frames };
}

/** Ends a network frame below its last card (`y` is past that card's gap); returns the next card's y. */
function closeFrame(frame: Frame, y: number, frames: Frame[]): number {
  frame.height = y - GAP + INDENT - frame.y;
  frames.push(frame);
  return y + INDENT;
}

/** The y of the middle of row `index` of a card (counting wrapped rows). */
export function rowMiddle(card: Card, index: number): number {
  return card.y + PAD + index * ROW + 4;
}

function planHost(diagram: Diagram): Plan {
  const rows: Row[] = [{ text: 'your machine', tone: 'title' }];
  const starts: Plan['starts'] = [];
  for (const entry of diagram.entries) {
    for (const client of entry.clients) rows.push({ text: `$ ${client}`, tone: 'muted' });
    starts.push({ row: rows.length, to: entry.to, land: `port:${entry.host}`, active: entry.clients.length > 0 });
    rows.push({ text: `localhost:${entry.host} →`, tone: 'plain' });
  }
  return { key: 'host', rows, current: true, starts, lands: new Map() };
}

function planBox(box: Box, diagram: Diagram): Plan {
  const rows: Row[] = [{ text: box.title, tone: 'title' }];
  const lands = new Map<string, number>();
  const starts: Plan['starts'] = [];
  if (box.from) rows.push({ text: `started in ${box.from.name}`, tone: 'muted' });
  rows.push({ text: `image ${box.image}`, tone: 'muted' });
  for (const run of box.runs) rows.push({ text: `runs ${run}`, tone: 'plain' });
  for (const port of box.published) {
    if (port.host !== undefined) lands.set(`port:${port.host}`, rows.length);
    rows.push({ text: `port ${port.container} ← ${port.host === undefined ? 'a port Docker picks' : `localhost:${port.host}`}`, tone: 'plain' });
  }
  for (const port of box.listens.filter((p) => !box.published.some((published) => published.container === p))) {
    rows.push({ text: `port ${port}, not published`, tone: 'plain' });
  }
  for (const alias of box.networkAliases) rows.push({ text: `--network-alias ${alias}`, tone: 'plain' });
  for (const link of box.links) rows.push({ text: `--link ${link.name}:${link.alias}`, tone: 'plain' });
  for (const line of box.hosts) rows.push({ text: `/etc/hosts: ${line}`, tone: 'plain' });
  for (const reach of diagram.reaches.filter((r) => r.from === box.key)) {
    starts.push({ row: rows.length, to: reach.to, active: reach.active });
    rows.push({ text: `→ ${describeHop(reach)}${reach.via === 'dns' ? ' (DNS)' : ''}`, tone: 'plain' });
  }
  return { key: box.key, rows, current: box.from === undefined, network: box.network, starts, lands };
}

/** Each arrow: out of its row on the card's right edge, along its lane, into the card it reaches. */
function routeArrows(plans: Plan[], cards: Card[], right: number): Arrow[] {
  const arrows: Arrow[] = [];
  const cardOf = (key: string) => cards.find((card) => card.key === key)!;
  for (const [index, plan] of plans.entries()) {
    const source = cards[index]!;
    for (const start of plan.starts) {
      const target = cardOf(start.to);
      const targetPlan = plans.find((p) => p.key === start.to)!;
      const landRow = (start.land !== undefined && targetPlan.lands.get(start.land)) || 0;
      const lane = right + LANE * (arrows.length + 0.5);
      const from = rowMiddle(source, wrappedIndex(plan, source, start.row));
      const to = rowMiddle(target, wrappedIndex(targetPlan, target, landRow));
      arrows.push({ points: [[source.x + source.width, from], [lane, from], [lane, to], [target.x + target.width, to]], active: start.active });
    }
  }
  return arrows;
}

/** The index among a card's wrapped rows of the first line of planned row `row`. */
function wrappedIndex(plan: Plan, card: Card, row: number): number {
  const perRow = plan.rows.map((r) => wrapRow(r, Math.floor((card.width - 2 * PAD) / CHAR)).length);
  return perRow.slice(0, row).reduce((sum, n) => sum + n, 0);
}

/** A row too long for `max` characters, broken after a "/", "-" or space where it can be. */
export function wrapRow(row: Row, max: number): Row[] {
  const lines: Row[] = [];
  let rest = row.text;
  while (rest.length > max) {
    const cut = Math.max(...['/', '-', ' '].map((mark) => rest.lastIndexOf(mark, max - 1))) + 1;
    const at = cut > max / 2 ? cut : max;
    lines.push({ text: rest.slice(0, at).trimEnd(), tone: row.tone });
    rest = `  ${rest.slice(at).trimStart()}`;
  }
  return [...lines, { text: rest, tone: row.tone }];
}
