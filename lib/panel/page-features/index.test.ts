import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/browser', () => ({ browser: {} }));
const { PANEL_FEATURES } = await import('./index');

const here = dirname(fileURLToPath(import.meta.url));

describe('in-page features (meta-test)', () => {
  it('lists every feature file of this folder exactly once, under its file name', () => {
    const files = readdirSync(here)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !/^index\.tsx?$/.test(f))
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(PANEL_FEATURES.map((f) => f.name).sort()).toEqual(files);
    expect(new Set(PANEL_FEATURES.map((f) => f.name)).size).toBe(PANEL_FEATURES.length);
  });
});
