import { describe, expect, test } from 'vitest';
import { recipeLabel, standInLabel } from '../../../scripts/docker/config.ts';
import { classifyImage, shortId } from '../../../scripts/docker/image-state.ts';

const id = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('classifyImage', () => {
  test('no image is missing', () => {
    expect(classifyImage(undefined)).toEqual({ kind: 'missing' });
  });

  test('an image without the stand-in label is real, whatever else it carries', () => {
    expect(classifyImage({ id, size: 1, labels: {} })).toEqual({ kind: 'real', id });
    expect(classifyImage({ id, size: 1, labels: { [standInLabel]: 'false', [recipeLabel]: 'x' } })).toEqual({ kind: 'real', id });
  });

  test('a stand-in reports the recipe it was built from', () => {
    const labels = { [standInLabel]: 'true', [recipeLabel]: 'abc123' };
    expect(classifyImage({ id, size: 1, labels })).toEqual({ kind: 'stand-in', id, recipe: 'abc123' });
  });

  test('shortId is the first 12 hex digits without the algorithm', () => {
    expect(shortId(id)).toBe('0123456789ab');
  });
});
