import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../browser', () => ({
  browser: { storage: { local: { set: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));

const { dispatch } = await import('./dispatch');
const here = dirname(fileURLToPath(import.meta.url));

/** Every handler set exported by handlers/<feature>.ts, read from the folder itself. */
async function allHandlerSets(): Promise<Record<string, Record<string, { content?: boolean }>>> {
  const sets: Record<string, Record<string, { content?: boolean }>> = {};
  for (const file of readdirSync(join(here, 'handlers'))) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const mod = (await import(`./handlers/${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (name.endsWith('Handlers')) sets[name] = value as Record<string, { content?: boolean }>;
  }
  return sets;
}

describe('the message protocol (meta-test)', () => {
  it('routes every verb of every handler set in handlers/ (a new feature cannot be forgotten in dispatch.ts)', async () => {
    const sets = await allHandlerSets();
    expect(Object.keys(sets).length).toBeGreaterThanOrEqual(8);
    for (const [set, verbs] of Object.entries(sets)) {
      for (const verb of Object.keys(verbs)) {
        const reply = await dispatch({ kf: verb, payload: undefined }, 'extension-page');
        expect(reply, `${set}.${verb}`).not.toEqual({ ok: false, error: { code: 'invalid', message: 'unknown message' } });
      }
    }
  });

  it('refuses every page-only verb to a seller page', async () => {
    for (const verbs of Object.values(await allHandlerSets())) {
      for (const [verb, def] of Object.entries(verbs)) {
        if (def.content) continue;
        const reply = await dispatch({ kf: verb, payload: {} }, 'content-script', { url: 'http://127.0.0.1/chat', tabId: 1 });
        expect(reply, verb).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });
});

describe('page schemas (meta-test)', () => {
  it('declares a schema for every verb a seller page may call, and none for verbs it may not', async () => {
    const { pageSchemas } = await import('./dispatch');
    for (const verbs of Object.values(await allHandlerSets())) {
      for (const [verb, def] of Object.entries(verbs)) {
        expect(Object.hasOwn(pageSchemas, verb), `${verb} ${def.content ? 'needs' : 'must not have'} a page schema`).toBe(!!def.content);
      }
    }
  });
});
