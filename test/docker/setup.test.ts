// `npm run docker:setup` (scripts/docker/setup.ts) end to end against the engine: a second
// run builds nothing, a real image under one of the names is left alone, --check reports.
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, test } from 'vitest';
import { guideImages, repoRoot, standInLabel } from '../../scripts/docker/config.ts';
import type { ImageOutcome } from '../../scripts/docker/ensure-image.ts';
import { captureCommand } from '../../scripts/docker/run.ts';
import { Created, docker, makeTestName } from './helpers/containers.ts';

const created = new Created();
afterAll(() => created.removeAll());

async function runSetup(...args: string[]): Promise<{ images: ImageOutcome[]; seconds: number }> {
  const setup = path.join(repoRoot, 'scripts/docker/setup.ts');
  const stdout = await captureCommand([process.execPath, setup, '--json', '--no-pull', ...args], { timeoutMs: 900_000 });
  return JSON.parse(stdout) as { images: ImageOutcome[]; seconds: number };
}

/** An image with no stand-in label (an empty file system, imported), as a pulled image would be. */
async function importUnlabelledImage(ref: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-test-'));
  try {
    await captureCommand(['tar', '-cf', path.join(dir, 'empty.tar'), '--files-from', '/dev/null']);
    const id = await docker('import', '--change', 'CMD ["/not-a-stand-in"]', path.join(dir, 'empty.tar'), ref);
    created.images.push(id);
    return id;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('docker:setup', () => {
  test('is idempotent: a second run builds, tags and pulls nothing and changes no image', async () => {
    const first = await runSetup();
    const second = await runSetup();
    expect(second.images.map((o) => o.action)).toEqual(['up to date', 'up to date', 'up to date']);
    expect(second.images.map((o) => o.id)).toEqual(first.images.map((o) => o.id));
    expect(second.seconds).toBeLessThan(10);
  });

  test('leaves a real (unlabelled) image under one of its names as it is, and says so', async () => {
    const prefix = makeTestName('names');
    const realRef = `${prefix}/redis:latest`;
    const realId = await importUnlabelledImage(realRef);
    const alpineRef = `${prefix}/alpine:latest`;
    created.images.push(alpineRef); // tagged by the set-up below; removing the tag keeps alpine:latest
    const run = await runSetup('--image', `redis=${realRef}`, '--image', `alpine=${alpineRef}`);
    const [redis, alpine] = [run.images.find((o) => o.ref === realRef), run.images.find((o) => o.ref === alpineRef)];
    expect(redis).toMatchObject({ action: 'left as is', id: realId });
    expect(redis?.detail).toBe(`${realRef} exists and is not a stand-in: left as is`);
    expect(await docker('image', 'inspect', '--format', '{{.Id}}', realRef)).toBe(realId);
    // a missing name is served from the stand-in already built from the same recipe, not rebuilt
    expect(alpine?.action).toBe('tagged');
    expect(alpine?.id).toBe(await docker('image', 'inspect', '--format', '{{.Id}}', guideImages.alpine));
  });

  test('--check reports the engine version and each image as real or stand-in', async () => {
    const setup = path.join(repoRoot, 'scripts/docker/setup.ts');
    const report = JSON.parse(await captureCommand([process.execPath, setup, '--check', '--json'])) as {
      engine: string;
      images: Array<{ ref: string; state: string; id: string }>;
    };
    expect(report.engine).toBe(await docker('version', '--format', '{{.Server.Version}}'));
    for (const line of report.images) {
      const label = await docker('image', 'inspect', '--format', `{{index .Config.Labels "${standInLabel}"}}`, line.ref);
      expect(line.state).toBe(label === 'true' ? 'stand-in' : 'real');
    }
    expect(report.images.map((line) => line.ref)).toEqual(Object.values(guideImages));
  });
});
