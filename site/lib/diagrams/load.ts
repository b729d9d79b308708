// A page's picture for the build: the pages as parsed once per build, the images' exposed ports
// (images/official-configs.json), the model, its words and its SVG in the palette asked for.
import path from 'node:path';
import { readOfficialConfigs } from '../../../scripts/docker/official-configs.ts';
import { loadParsedPages } from '../parsed-pages.ts';
import { describeDiagram, type DiagramText } from './describe.ts';
import { layOutDiagram } from './layout.ts';
import { planDiagram, readExposedPorts } from './model.ts';
import { renderDiagramSvg, type Palette } from './render-svg.ts';

export interface PagePicture {
  svg: string;
  text: DiagramText;
}

/** The picture of page `id`, or undefined for a page where no container runs. */
export async function loadPicture(id: string, palette: Palette, root: string = process.cwd()): Promise<PagePicture | undefined> {
  const pages = (await loadParsedPages(root)).map((parsed) => parsed.page);
  const page = pages.find((candidate) => candidate.id === id);
  const diagram = page && planDiagram(page, pages, readExposedPorts(readOfficialConfigs(path.join(root, 'images', 'official-configs.json'))));
  if (!diagram) return undefined;
  const text = describeDiagram(diagram);
  return { svg: renderDiagramSvg(layOutDiagram(diagram), text, { id: `diagram-${id}`, palette }), text };
}
