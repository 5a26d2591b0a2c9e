import { describe, expect, it } from 'vitest';
import { migrate } from './versioned';
import { SITES_SCHEMA, applyTeamSites, forgetTaughtSite, getTaughtSite, listTaughtSites, mergeTaughtSites, saveTaughtSite } from './sites';
import { setLocalChangeListener } from './changes';

const picks = (origin: string) => ({ origin, name: '自建客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'textarea[placeholder="输入"]' }] } });

describe('taught sites record', () => {
  it('migrates nothing-before-v1 to an empty record and drops damaged sites', () => {
    expect(migrate(undefined, SITES_SCHEMA)).toEqual({ v: 1, sites: {} });
    const rec = migrate({ v: 1, sites: { a: { ...picks('https://a.example'), v: 1, createdAt: 1, updatedAt: 1 }, b: { origin: 'javascript:alert(1)' } } }, SITES_SCHEMA);
    expect(Object.keys(rec.sites)).toEqual(['https://a.example']);
  });

  it('is idempotent and refuses a record from a newer version', () => {
    const cur = { v: 1 as const, sites: { 'https://a.example': { v: 1 as const, ...picks('https://a.example'), createdAt: 1, updatedAt: 2 } } };
    expect(migrate(migrate(cur, SITES_SCHEMA), SITES_SCHEMA)).toEqual(cur);
    expect(() => migrate({ v: 2, sites: {} }, SITES_SCHEMA)).toThrow(/newer/);
  });
});

describe('taught sites storage', () => {
  it('saves, re-teaches (keeping when it was first taught), lists, merges an import and forgets', async () => {
    const first = await saveTaughtSite(picks('https://shop.example'), 10);
    expect(first).toMatchObject({ v: 1, createdAt: 10, updatedAt: 10 });
    const again = await saveTaughtSite({ ...picks('https://shop.example'), name: '改版后' }, 20);
    expect(again).toMatchObject({ name: '改版后', createdAt: 10, updatedAt: 20 });
    await mergeTaughtSites([{ v: 1, ...picks('https://erp.example'), createdAt: 5, updatedAt: 5 }], 30);
    expect((await listTaughtSites()).map((s) => s.origin)).toEqual(['https://erp.example', 'https://shop.example']);
    expect(await forgetTaughtSite('https://shop.example')).toBe(true);
    expect(await getTaughtSite('https://shop.example')).toBeNull();
    expect(await forgetTaughtSite('https://shop.example')).toBe(false);
  });
});

describe('taught sites in team mode', () => {
  it("reports saves and forgets for the team; the shop's versions apply per site, a later edit here is kept unless told to follow the shop", async () => {
    const reported: [string, readonly string[]][] = [];
    setLocalChangeListener(async (area, keys) => void reported.push([area, keys]));
    try {
      await saveTaughtSite(picks('https://t1.example'), 500);
      await forgetTaughtSite('https://t1.example');
      await saveTaughtSite(picks('https://t2.example'), 500);
      expect(reported).toEqual([['sites', ['https://t1.example']], ['sites', ['https://t1.example']], ['sites', ['https://t2.example']]]);
      const shop = (origin: string, at: number) => ({ v: 1 as const, ...picks(origin), name: '店里的', createdAt: at, updatedAt: at });
      const changed = await applyTeamSites(
        [
          { origin: 'https://t2.example', site: shop('https://t2.example', 400), at: 400 },
          { origin: 'https://t3.example', site: shop('https://t3.example', 400), at: 400 },
          { origin: 'https://t4.example', site: null, at: 400 },
        ],
        false,
      );
      expect(changed).toEqual(['https://t3.example']);
      expect((await getTaughtSite('https://t2.example'))!.name).toBe('自建客服台');
      expect(await applyTeamSites([{ origin: 'https://t2.example', site: null, at: 400 }], true)).toEqual(['https://t2.example']);
      expect(await getTaughtSite('https://t2.example')).toBeNull();
      expect(reported).toHaveLength(3);
    } finally {
      setLocalChangeListener(null);
      await forgetTaughtSite('https://t3.example');
    }
  });
});

