import { describe, expect, it, vi } from 'vitest';

vi.mock('../../browser', () => ({
  browser: { storage: { local: { set: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));
const forgetSiteNow = vi.fn(async () => ({ removed: true, permission: 'removed' as const }));
const syncTaughtScriptsNow = vi.fn(async () => {});
// The handlers sync quietly after a save or an import (a failure logged), or on request (thrown): one spy for both.
vi.mock('../../teach/background-api', () => ({ forgetSiteNow, syncTaughtScriptsNow, syncTaughtScriptsQuietly: syncTaughtScriptsNow }));

const { dispatch } = await import('../dispatch');
const { readLibrarySections } = await import('../../background/library-sections');
const readSitesSection = (json: unknown, locale?: 'zh-CN' | 'en') => readLibrarySections(json, locale).sites;

const SHOP = 'https://erp.example';
const picks = { origin: SHOP, name: '自建客服台', url: `${SHOP}/chat`, fields: { chatInput: [{ css: 'textarea[placeholder="输入"]' }] } };
const page = (url: string) => ({ tabId: 3, url });

describe('taught-site messages', () => {
  it('lets a page save picks for its own site, which registers the content script', async () => {
    const r = await dispatch({ kf: 'saveTaughtSite', payload: picks }, 'content-script', page(`${SHOP}/chat/123`));
    expect(r).toMatchObject({ ok: true, value: { origin: SHOP, v: 1 } });
    expect(syncTaughtScriptsNow).toHaveBeenCalled();
    const got = await dispatch({ kf: 'getTaughtSite', payload: { origin: SHOP } }, 'content-script', page(`${SHOP}/`));
    expect(got).toMatchObject({ ok: true, value: { name: '自建客服台' } });
  });

  it("refuses a page reading or writing another site's selectors", async () => {
    const w = await dispatch({ kf: 'saveTaughtSite', payload: { ...picks, origin: 'https://bank.example', url: 'https://bank.example/' } }, 'content-script', page(`${SHOP}/`));
    expect(w).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const r = await dispatch({ kf: 'getTaughtSite', payload: { origin: SHOP } }, 'content-script', page('https://evil.example/'));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('keeps listing and forgetting for extension pages', async () => {
    expect(await dispatch({ kf: 'listTaughtSites', payload: undefined }, 'content-script', page(`${SHOP}/`))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch({ kf: 'forgetTaughtSite', payload: { origin: SHOP } }, 'content-script', page(`${SHOP}/`))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const f = await dispatch({ kf: 'forgetTaughtSite', payload: { origin: SHOP } }, 'extension-page');
    expect(f).toMatchObject({ ok: true, value: { permission: 'removed' } });
    expect(forgetSiteNow).toHaveBeenCalledWith(SHOP);
  });

  it('validates payloads: bad origins, unknown fields, empty picks', async () => {
    for (const payload of [{ ...picks, origin: 'javascript:alert(1)' }, { ...picks, fields: { x: [{ css: 'a' }] } }, { ...picks, fields: {} }, null]) {
      expect(await dispatch({ kf: 'saveTaughtSite', payload }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });
});

describe('taught sites in the exported library file', () => {
  it('travel in the export and come back with an import, so a team can share them', async () => {
    await dispatch({ kf: 'saveTaughtSite', payload: { ...picks, origin: 'https://team.example', url: 'https://team.example/' } }, 'extension-page');
    const exported = await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page');
    const file = (exported as { value: Record<string, unknown> }).value;
    expect(file.taughtSites).toMatchObject({ v: 1, sites: expect.arrayContaining([expect.objectContaining({ origin: 'https://team.example' })]) });
    await dispatch({ kf: 'forgetTaughtSite', payload: { origin: 'https://team.example' } }, 'extension-page');
    forgetSiteNow.mockClear();
    const r = await dispatch({ kf: 'importLibrary', payload: { json: file } }, 'extension-page');
    expect(r).toMatchObject({ ok: true, value: { ok: true } });
    expect(await dispatch({ kf: 'getTaughtSite', payload: { origin: 'https://team.example' } }, 'extension-page')).toMatchObject({ ok: true, value: { origin: 'https://team.example' } });
  });

  it('refuses the whole import when a shared site is damaged, naming it', async () => {
    const lib = (await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page')) as { value: Record<string, unknown> };
    const bad = { ...lib.value, taughtSites: { v: 1, sites: [{ origin: 'javascript:x', fields: {} }] } };
    const r = await dispatch({ kf: 'importLibrary', payload: { json: bad } }, 'extension-page');
    // The first shared site, counted from 1; Chinese only in the Chinese interface.
    expect(r).toMatchObject({ ok: true, value: { ok: false, errors: [expect.stringMatching(/^已教页面第 1 个: [^A-Za-z（]*origin 无效$/)] } });
  });

  it("words the damaged sites in the shop's language alone, each named by its number from 1", async () => {
    const lib = ((await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page')) as { value: Record<string, unknown> }).value;
    const sites = [picks, { origin: 'javascript:x', fields: {} }, { ...picks, fields: { evil: [{ css: 'x' }], chatInput: 'textarea' } }, 'x', { ...picks, fields: [] }, { ...picks, fields: {} }];
    const bad = { ...lib, taughtSites: { v: 1, sites } };
    const zh = ['已教页面第 2 个: origin 无效', '已教页面第 3 个: 未知字段 evil', '已教页面第 3 个: chatInput 的定位方式无效', '已教页面第 4 个: 应为对象', '已教页面第 5 个: fields 应为对象', '已教页面第 6 个: 至少需要一个元素'];
    const en = ['taught page 2: invalid origin', 'taught page 3: unknown field evil', 'taught page 3: invalid locators for chatInput', 'taught page 4: expected an object', 'taught page 5: fields must be an object', 'taught page 6: pick at least one element'];
    expect(await dispatch({ kf: 'importLibrary', payload: { json: bad } }, 'extension-page')).toEqual({ ok: true, value: { ok: false, errors: zh } });
    await dispatch({ kf: 'patchSettings', payload: { shop: { locale: 'en' } } }, 'extension-page');
    try {
      expect(await dispatch({ kf: 'importLibrary', payload: { json: bad } }, 'extension-page')).toEqual({ ok: true, value: { ok: false, errors: en } });
      const newer = { ...lib, taughtSites: { v: 2, sites: [] } };
      expect(await dispatch({ kf: 'importLibrary', payload: { json: newer } }, 'extension-page')).toEqual({
        ok: true,
        value: { ok: false, errors: ['Taught pages version 2 comes from a newer version of the extension (this one reads version 1); update the extension first'] },
      });
    } finally {
      await dispatch({ kf: 'patchSettings', payload: { shop: { locale: 'zh-CN' } } }, 'extension-page');
    }
    // Not said: each in Chinese, then in English.
    expect(readSitesSection(bad)).toEqual({ ok: false, errors: zh.map((z, i) => `${z}（${en[i]}）`) });
    // No format internals ({ v: 1, sites: [...] }) in what the agent reads.
    expect(readSitesSection({ taughtSites: null }, 'zh-CN')).toEqual({ ok: false, errors: ['已教页面：内容不完整或已损坏（文件可能被改动过）'] });
    expect(readSitesSection({ taughtSites: { v: 1 } }, 'en')).toEqual({ ok: false, errors: ['Taught pages: incomplete or damaged (the file may have been edited)'] });
    expect(readSitesSection({ taughtSites: { v: 2, sites: [] } }, 'zh-CN')).toEqual({ ok: false, errors: ['已教页面版本 2 来自更新版本的插件（本插件读取版本 1），请先升级插件'] });
  });
});
