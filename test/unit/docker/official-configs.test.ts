// The stand-ins' recipes give the configuration the official images have (images/official-configs.json):
// each field of the data names its source, and each recipe's Dockerfile yields the same values.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { guideImages } from '../../../scripts/docker/config.ts';
import { compareConfigs, configOfDockerfile, configOfInspect, readOfficialConfigs } from '../../../scripts/docker/official-configs.ts';
import { recipes } from '../../../scripts/docker/recipes.ts';

const official = readOfficialConfigs();

describe('images/official-configs.json', () => {
  test('holds the three images the guide runs, each field with the source that says so', () => {
    expect(Object.keys(official).sort()).toEqual(Object.values(guideImages).sort());
    for (const [ref, image] of Object.entries(official)) {
      expect(Object.keys(image.from).sort(), ref).toEqual(Object.keys(image.config).sort());
      for (const [field, from] of Object.entries(image.from)) {
        expect(Object.keys(image.sources).some((key) => new RegExp(`(^|[ (])${key}\\b`).test(from)), `${ref} ${field}: "${from}" names one of its sources`).toBe(true);
        const values = [image.config[field as keyof typeof image.config]].flat().filter((v): v is string => Boolean(v));
        for (const value of values) expect(from, `${ref} ${field}: the source says ${value}`).toContain(value.replace(/\/tcp$/, ''));
      }
      for (const [name, source] of Object.entries(image.sources)) {
        if (source.commit) expect(source.url, `${ref} ${name}`).toBe(`https://github.com/${source.repo}/blob/${source.commit}/${source.path}`);
      }
    }
  });
});

describe('the stand-ins, read from their recipes', () => {
  for (const recipe of Object.values(recipes)) {
    const ref = guideImages[recipe.key];
    test(`${ref}: ${path.relative(process.cwd(), path.join(recipe.dir, recipe.dockerfile))} gives the official configuration`, () => {
      const dockerfile = readFileSync(path.join(recipe.dir, recipe.dockerfile), 'utf8');
      expect(compareConfigs(official[ref]!.config, configOfDockerfile(dockerfile))).toEqual([]);
    });
  }
});

describe('comparing configurations', () => {
  test('reads ENV names in both forms, VOLUME, EXPOSE, the last WORKDIR, exec and shell forms', () => {
    const text = 'FROM scratch\nENV A=1 B="x y"\nENV C 3\nVOLUME ["/data"]\nEXPOSE 6379 53/udp\nWORKDIR /tmp\nWORKDIR /data\nENTRYPOINT ["e.sh"]\nCMD redis-server --x\n';
    expect(configOfDockerfile(text)).toEqual({
      Volumes: ['/data'], ExposedPorts: ['6379/tcp', '53/udp'], Env: ['PATH', 'A', 'B', 'C'], Entrypoint: ['e.sh'], Cmd: ['/bin/sh', '-c', 'redis-server --x'], WorkingDir: '/data',
    });
  });

  test('names each field that differs, with both values; order of names does not count', () => {
    const inspected = configOfInspect({ Volumes: null, ExposedPorts: { '6379/tcp': {} }, Env: ['REDIS_VERSION=7', 'PATH=/bin'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], WorkingDir: '/data' });
    expect(compareConfigs(official['redis:latest']!.config, inspected)).toEqual([
      'Volumes: expected ["/data"], received []',
      'Env: expected ["PATH","GOSU_VERSION","REDIS_VERSION","REDIS_DOWNLOAD_URL","REDIS_DOWNLOAD_SHA"], received ["REDIS_VERSION","PATH"]',
    ]);
  });
});
