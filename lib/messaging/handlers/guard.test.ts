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

  it('switches one rule against the stored settings: a rule another tab added meanwhile is kept, and two switches at once keep both', async () => {
    const call = async (kf: string, payload: unknown) => dispatch({ kf, payload }, 'extension-page');
    const rule = (id: string) => ({ id, words: [id], severity: 'warn', platforms: ['any'], reason: '本店规定' });
    await call('saveGuardConfig', { v: 1, disabled: [], rules: [] });
    // Tab A loaded {disabled: [], rules: []}; tab B then adds a rule; tab A switches a built-in rule off.
    await call('patchGuardConfig', { add: rule('other-tab') });
    expect(await call('patchGuardConfig', { rule: 'absolute-first', on: false })).toMatchObject({ ok: true, value: { disabled: ['absolute-first'], rules: [{ id: 'other-tab' }] } });
    await Promise.all([
      call('patchGuardConfig', { rule: 'qr-code', on: false }),
      call('patchGuardConfig', { rule: 'absolute-first', on: true }),
      call('patchGuardConfig', { add: rule('third') }),
      call('patchGuardConfig', { remove: 'other-tab' }),
    ]);
    expect(await call('getGuardConfig', undefined)).toMatchObject({ value: { disabled: ['qr-code'], rules: [{ id: 'third' }] } });
    // A refused rule changes nothing and is named as a save names it.
    expect(await call('patchGuardConfig', { add: { ...rule('long'), words: ['长'.repeat(41)] } })).toMatchObject({ ok: false, error: { code: 'invalid', message: '合规规则第 2 条：每个词最多 40 字' } });
    expect(await call('getGuardConfig', undefined)).toMatchObject({ value: { disabled: ['qr-code'], rules: [{ id: 'third' }] } });
    for (const bad of [{}, { rule: 'qr-code' }, { rule: 'qr-code', on: 'no' }, { remove: 'x', add: rule('y') }, { rule: '<b>', on: true }, { add: 'x' }]) {
      expect(await call('patchGuardConfig', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await dispatch({ kf: 'patchGuardConfig', payload: { rule: 'qr-code', on: true } }, 'content-script', page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call('saveGuardConfig', { v: 1, disabled: [], rules: [rule('a')] });
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
