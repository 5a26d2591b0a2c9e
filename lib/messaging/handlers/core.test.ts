import { describe, expect, it, vi } from 'vitest';

vi.mock('../../browser', () => ({
  browser: { storage: { local: { set: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));

const { dispatch } = await import('../dispatch');
const PAGE = { tabId: 1, url: 'http://127.0.0.1:5173/chat' };

async function usage(): Promise<Record<string, { count: number }>> {
  const r = await dispatch({ kf: 'getUsage', payload: undefined }, 'extension-page');
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.value as { templates: Record<string, { count: number }> }).templates;
}

describe('usage keyed by template id', () => {
  it('records __proto__ from an extension page as an ordinary entry and leaves Object.prototype alone', async () => {
    const r = await dispatch({ kf: 'recordUsage', payload: { templateId: '__proto__', scenario: 'greeting' } }, 'extension-page');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).lastUsed).toBeUndefined();
    expect(({} as Record<string, unknown>).count).toBeUndefined();
    expect(Object.hasOwn(await usage(), '__proto__')).toBe(true);
  });

  it('refuses __proto__ from a page: not a template id', async () => {
    const r = await dispatch({ kf: 'recordUsage', payload: { templateId: '__proto__', scenario: null } }, 'content-script', PAGE);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('recordUsage.templateId') } });
  });

  it('counts templates named constructor and toString like any other', async () => {
    for (const id of ['constructor', 'toString', 'toString']) {
      expect((await dispatch({ kf: 'recordUsage', payload: { templateId: id, scenario: null } }, 'content-script', PAGE)).ok).toBe(true);
    }
    const u = await usage();
    expect(u.constructor).toMatchObject({ count: 1 });
    expect(u.toString).toMatchObject({ count: 2 });
    expect(typeof Object.prototype.toString).toBe('function');
    expect(({}).constructor).toBe(Object);
  });

  it('imports templates with ids constructor and toString, and refuses __proto__ with a message', async () => {
    const file = (ids: string[]) => ({
      format: 'kefu-library',
      version: 1,
      groups: ['组'],
      templates: ids.map((id) => ({ id, title: `标题${id}`, body: '正文', group: '组', scenarios: ['greeting'] })),
    });
    const ok = await dispatch({ kf: 'importLibrary', payload: { json: file(['constructor', 'toString']) } }, 'extension-page');
    expect(ok).toMatchObject({ ok: true, value: { ok: true, count: 2 } });
    const lib = await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page');
    expect(lib).toMatchObject({ ok: true, value: { initials: { constructor: expect.any(Array), toString: expect.any(Array) } } });
    const bad = await dispatch({ kf: 'importLibrary', payload: { json: file(['__proto__']) } }, 'extension-page');
    expect(bad).toMatchObject({ ok: true, value: { ok: false, errors: [expect.stringContaining('id')] } });
  });
});
