import { describe, expect, it, vi } from 'vitest';

vi.mock('../../browser', () => ({
  browser: { storage: { local: { set: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));

const { dispatch } = await import('../dispatch');
const page = { tabId: 3, url: 'https://mms.pinduoduo.com/chat-merchant/index.html' };

describe('guard and reply-clock messages', () => {
  it('lets a page read the guard rules but not change them', async () => {
    expect(await dispatch({ kf: 'getGuardConfig', payload: undefined }, 'content-script', page)).toMatchObject({ ok: true, value: { v: 1 } });
    const w = await dispatch({ kf: 'saveGuardConfig', payload: { v: 1, disabled: [], rules: [] } }, 'content-script', page);
    expect(w).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('names the broken rule and keeps the stored ones', async () => {
    const good = { v: 1, disabled: [], rules: [{ id: 'a', words: ['秒发'], severity: 'warn', platforms: ['any'], reason: '不承诺' }] };
    expect(await dispatch({ kf: 'saveGuardConfig', payload: good }, 'extension-page')).toMatchObject({ ok: true });
    const bad = await dispatch({ kf: 'saveGuardConfig', payload: { v: 1, rules: [{ id: 'a', words: [], severity: 'warn', reason: 'x' }] } }, 'extension-page');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('第 1 条') } });
    expect(await dispatch({ kf: 'getGuardConfig', payload: undefined }, 'extension-page')).toMatchObject({ value: good });
  });

  it('carries the guard rules in the library export and back', async () => {
    const exported = (await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page')) as { ok: true; value: Record<string, unknown> };
    expect(exported.value.guardRules).toMatchObject({ rules: [{ id: 'a' }] });
    await dispatch({ kf: 'saveGuardConfig', payload: { v: 1, disabled: [], rules: [] } }, 'extension-page');
    expect(await dispatch({ kf: 'importLibrary', payload: { json: exported.value } }, 'extension-page')).toMatchObject({ ok: true, value: { ok: true } });
    expect(await dispatch({ kf: 'getGuardConfig', payload: undefined }, 'extension-page')).toMatchObject({ value: { rules: [{ id: 'a' }] } });
    const broken = { ...exported.value, guardRules: { v: 1, rules: [{ id: 'z' }] } };
    expect(await dispatch({ kf: 'importLibrary', payload: { json: broken } }, 'extension-page')).toMatchObject({ ok: true, value: { ok: false, errors: [expect.stringContaining('合规规则')] } });
  });

  it("words a refused save (the options page's 添加规则) and a refused import in the shop's language alone", async () => {
    const long = { v: 1, disabled: [], rules: [{ id: 'shop-x', words: ['长'.repeat(41)], severity: 'warn', platforms: ['any'], reason: '太长' }] };
    const imported = async () => {
      const file = ((await dispatch({ kf: 'exportLibrary', payload: undefined }, 'extension-page')) as { value: Record<string, unknown> }).value;
      return dispatch({ kf: 'importLibrary', payload: { json: { ...file, guardRules: long } } }, 'extension-page');
    };
    expect(await dispatch({ kf: 'saveGuardConfig', payload: long }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid', message: '合规规则第 1 条：每个词最多 40 字' } });
    expect(await imported()).toMatchObject({ ok: true, value: { ok: false, errors: ['合规规则第 1 条：每个词最多 40 字'] } });
    await dispatch({ kf: 'patchSettings', payload: { shop: { locale: 'en' } } }, 'extension-page');
    try {
      expect(await dispatch({ kf: 'saveGuardConfig', payload: long }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid', message: 'guard rule 1: each word at most 40 characters' } });
      expect(await imported()).toMatchObject({ ok: true, value: { ok: false, errors: ['guard rule 1: each word at most 40 characters'] } });
    } finally {
      await dispatch({ kf: 'patchSettings', payload: { shop: { locale: 'zh-CN' } } }, 'extension-page');
    }
  });

  it('records an answered wait from a page, refusing buyer names and impossible times', async () => {
    const now = Date.now();
    expect(await dispatch({ kf: 'recordAnsweredWait', payload: { platform: 'pdd', conversation: 'k3j2h1', since: now - 100_000, at: now } }, 'content-script', page)).toMatchObject({ ok: true });
    for (const bad of [
      { platform: 'pdd', conversation: '南风知我意', since: now - 1, at: now },
      { platform: 'mars', conversation: 'abc', since: now - 1, at: now },
      { platform: 'pdd', conversation: 'abc', since: now, at: now - 1 },
      { platform: 'pdd', conversation: 'abc', since: now - 1, at: now + 3_600_000 },
    ]) {
      expect(await dispatch({ kf: 'recordAnsweredWait', payload: bad }, 'content-script', page)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    const s = await dispatch({ kf: 'getClockSummary', payload: {} }, 'extension-page');
    expect(s).toMatchObject({ ok: true, value: { platforms: [{ platform: 'pdd', answered: 1, medianSec: 100 }] } });
    expect(await dispatch({ kf: 'getClockSummary', payload: {} }, 'content-script', page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
