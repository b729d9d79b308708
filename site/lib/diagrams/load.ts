// A page's picture for the build: the pages as parsed once per build, the images' exposed ports
// (images/official-configs.json), the model, its layout and words, and its SVG in a palette.
import path from 'node:path';
import { readOfficialConfigs } from '../../../scripts/docker/official-configs.ts';
import { loadParsedPages } from '../parsed-pages.ts';
import { describeDiagram, type DiagramText } from './describe.ts';
import { layOutDiagram, type Layout } from './layout.ts';
import { planDiagram, readExposedPorts } from './model.ts';
import { renderDiagramSvg, type Palette } from './render-svg.ts';

export interface LaidOut {
  layout: Layout;
  text: DiagramText;
}

export interface PagePicture {
  svg: string;
  text: DiagramText;
}

/** The laid-out picture of page `id` and its words, or undefined for a page where no container runs. */
export async function loadDiagram(id: string, root: string = process.cwd()): Promise<LaidOut | undefined> {
  const pages = (await loadParsedPages(root)).map((parsed) => parsed.page);
  const page = pages.find((candidate) => candidate.id === id);
  const diagram = page && planDiagram(page, pages, readExposedPorts(readOfficialConfigs(path.join(root, 'images', 'official-configs.json'))));
  return diagram && { layout: layOutDiagram(diagram), text: describeDiagram(diagram) };
}

/** The picture of page `id` as SVG in `palette`, with its words. */
export async function loadPicture(id: string, palette: Palette): Promise<PagePicture | undefined> {
  const laidOut = await loadDiagram(id);
  return laidOut && { svg: renderDiagramSvg(laidOut.layout, laidOut.text, { id: `diagram-${id}`, palette }), text: laidOut.text };
}
