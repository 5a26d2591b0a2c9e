import { describe, expect, it, vi } from 'vitest';

vi.mock('../browser', () => ({
  browser: { storage: { local: { set: vi.fn(async () => {}) } }, runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' } },
}));

const { classifySender, dispatch } = await import('./dispatch');

describe('message sender checks', () => {
  const origin = 'chrome-extension://ext/';
  it('refuses messages from another extension or a web page', () => {
    expect(classifySender({ id: 'other', url: 'https://evil.example/' }, 'ext', origin)).toBeNull();
    expect(classifySender({ id: undefined, url: 'https://evil.example/' } as never, 'ext', origin)).toBeNull();
  });

  it('tells extension pages from content scripts', () => {
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/options.html' }, 'ext', origin)).toBe('extension-page');
    expect(classifySender({ id: 'ext', url: 'https://mms.pinduoduo.com/chat', tab: { id: 1 } as never }, 'ext', origin)).toBe('content-script');
  });

  it('does not let a seller page import or export the library', async () => {
    const r = await dispatch({ kf: 'importLibrary', payload: { json: {} } }, 'content-script');
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    const e = await dispatch({ kf: 'exportLibrary', payload: undefined }, 'content-script');
    expect(e.ok).toBe(false);
  });

  it('answers ping from extension pages (the bench floor) and not from seller pages', async () => {
    expect(await dispatch({ kf: 'ping', payload: undefined }, 'extension-page')).toEqual({ ok: true, value: true });
    expect((await dispatch({ kf: 'ping', payload: undefined }, 'content-script')).ok).toBe(false);
  });

  it('gives a seller page the library only as the chat panel reads it: getPanelLibrary, not getLibrary with its initials', async () => {
    expect(await dispatch({ kf: 'getLibrary', payload: undefined }, 'content-script')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const panel = await dispatch({ kf: 'getPanelLibrary', payload: undefined }, 'content-script');
    expect(panel.ok && (panel.value as { library: object }).library).not.toHaveProperty('initials');
    expect((await dispatch({ kf: 'getLibraryInitials', payload: undefined }, 'content-script')).ok).toBe(true);
  });

  it('answers an unknown sender with forbidden and an unknown verb with invalid', async () => {
    expect((await dispatch({ kf: 'getLibrary', payload: undefined }, null)).ok).toBe(false);
    const r = await dispatch({ kf: 'dropTables', payload: undefined }, 'extension-page');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('rejects a malformed import and leaves the library as it was', async () => {
    const before = await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page');
    const r = await dispatch({ kf: 'importLibrary', payload: { json: { format: 'kefu-library', version: 1, groups: [], templates: [{ id: '' }] } } }, 'extension-page');
    expect(r).toMatchObject({ ok: true, value: { ok: false } });
    const after = await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page');
    expect(after).toEqual(before);
  });

  it('validates payloads before writing', async () => {
    const r = await dispatch({ kf: 'recordUsage', payload: { templateId: 42 } as never }, 'content-script');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('content-script limits on settings', () => {
  it('lets a seller page remember the panel state but not change shop settings', async () => {
    const ok = await dispatch({ kf: 'patchSettings', payload: { panel: { collapsed: true } } }, 'content-script');
    expect(ok.ok).toBe(true);
    const no = await dispatch({ kf: 'patchSettings', payload: { shop: { agentName: 'x' } } }, 'content-script');
    expect(no).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
