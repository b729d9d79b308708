// The volumes and image tags the pages create by name, which the run's preflight checks the engine
// does not hold already.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../scripts/page/parse.ts';
import { findGuideBuilds, findGuideVolumes } from '../../../scripts/doctest/preflight-storage.ts';
import { readPage } from './fixtures.ts';

const fence = '```';
const page = parsePage(
  'content/v.mdx',
  `---\ntitle: V\ndescription: Volumes.\nsnippet: v\nneeds: []\n---\n\n${fence}sh\ndocker volume create guide-data\ndocker run -d -v guide-data:/data -v logs:/logs -v /srv:/srv redis\ndocker run --mount source=cache,target=/c redis\ndocker build -t guide-app -t guide-app:2 .\ndocker volume rm guide-data\n${fence}\n`,
).page;

describe('the volumes and tags the pages create', () => {
  it('named volumes from docker volume create, -v and --mount, each once; tags from docker build -t', () => {
    expect(findGuideVolumes([page])).toEqual(['guide-data', 'logs', 'cache']);
    expect(findGuideBuilds([page])).toEqual(['guide-app:latest', 'guide-app:2']);
  });

  it('none on the guide\'s own pages', () => {
    const pages = ['index', 'step1', 'step2', 'step3', 'step4', 'networks'].map(readPage);
    expect(findGuideVolumes(pages)).toEqual([]);
    expect(findGuideBuilds(pages)).toEqual([]);
  });
});
