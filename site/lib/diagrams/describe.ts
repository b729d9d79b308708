// The picture in words (pure), from the same model as the SVG: its title, one sentence per
// container and one per request of the step. The page shows the sentences as a list under the
// picture; the SVG carries the title and all of them as its <title> and <desc>.
import { describeHop, LINK_ADDRESS, type Box, type Diagram } from './model.ts';

export interface DiagramText {
  title: string; // "Step 3: what runs and how it connects"
  items: string[];
}

export function describeDiagram(diagram: Diagram): DiagramText {
  const title = `${diagram.page.name[0]!.toUpperCase()}${diagram.page.name.slice(1)}: what runs and how it connects`;
  const boxes = diagram.boxes.map((box) => describeBox(box, diagram));
  const ports = diagram.entries.map((entry) => `Your machine: localhost:${entry.host} goes to port ${entry.container} of ${titleOf(diagram, entry.to)} (-p ${entry.host}:${entry.container}).`);
  const traffic = diagram.traffic.map((hops) => `Traffic of this step: ${hops.join(' → ')}.`);
  return { title, items: [...boxes, ...ports, ...traffic] };
}

/** The sentences as one paragraph, for the SVG's <desc>. */
export function joinDescription(text: DiagramText): string {
  return text.items.join(' ');
}

function describeBox(box: Box, diagram: Diagram): string {
  const what = box.runs.length > 1 ? `${box.title}: ${box.runs.length} one-off containers of image ${box.image}, one per command (${box.runs.join('; ')})`
    : box.runs.length === 1 ? `${box.title}: a one-off container of image ${box.image} running ${box.runs[0]}`
    : `${box.title}: ${box.name === undefined ? 'a container with no name, ' : ''}image ${box.image}`;
  const parts = [box.from ? `${what}, started in ${box.from.name}` : what];
  const unpublished = box.listens.filter((port) => !box.published.some((p) => p.container === port));
  if (unpublished.length > 0) parts.push(`listens on port ${unpublished.join(', ')}, not published`);
  if (box.network !== undefined) parts.push(`on network ${box.network}${box.networkAliases.length > 0 ? ` with the alias ${box.networkAliases.join(', ')}` : ''}`);
  for (const link of box.links) {
    parts.push(`linked to ${link.name} as ${link.alias} (--link ${link.name}:${link.alias}), so its /etc/hosts has the line "${LINK_ADDRESS} ${link.alias}": ${link.name}'s address, then the alias`);
  }
  for (const reach of diagram.reaches.filter((r) => r.from === box.key)) {
    parts.push(`reaches ${titleOf(diagram, reach.to)} as ${describeHop(reach)}${reach.via === 'dns' ? " through Docker's DNS" : ''}`);
  }
  return `${parts.join('; ')}.`;
}

function titleOf(diagram: Diagram, key: string): string {
  return diagram.boxes.find((box) => box.key === key)?.title ?? key;
}
