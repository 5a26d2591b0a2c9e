// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { mount } from '../remarks/testing';
import { changedPaths, DirtyContext, mergeUntouched, sameValue, saveDraft, useDirtyTabs, useDraft, type Draft, type DirtyScope } from './useDraft';

describe('sameValue', () => {
  it('compares content, not identity or key order', () => {
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});

describe('mergeUntouched', () => {
  const base = { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' }, cues: { bargain: '包邮吗' } };
  it('keeps what the user changed and takes the rest from the version saved elsewhere', () => {
    const mine = { ...base, shop: { ...base.shop, agentName: '小美-夜班' } };
    const theirs = { shop: { ...base.shop, shopName: '橙子旗舰店（新）', cutoff: '17:00' }, cues: { bargain: '包邮吗', 'size-fit': '穿多大' } };
    expect(mergeUntouched(base, mine, theirs)).toEqual({
      shop: { agentName: '小美-夜班', shopName: '橙子旗舰店（新）', cutoff: '17:00' },
      cues: { bargain: '包邮吗', 'size-fit': '穿多大' },
    });
  });
  it('keeps the user’s value of a field both changed, and an entry the user removed stays removed', () => {
    const mine = { shop: { ...base.shop, shopName: '我的店' }, cues: {} };
    const theirs = { ...base, shop: { ...base.shop, shopName: '他们的店' } };
    expect(mergeUntouched(base, mine, theirs)).toEqual({ shop: { ...base.shop, shopName: '我的店' }, cues: {} });
  });
});

describe('changedPaths', () => {
  it('names the leaves that differ', () => {
    expect(changedPaths({ a: { b: 1, c: 2 }, d: [1] }, { a: { b: 1, c: 3 }, d: [2], e: 'x' })).toEqual(['a.c', 'd', 'e']);
  });
});

describe('useDraft', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  /** A draft over a saved value that reloads (`reload(v)`), as a tab over useLoaded. */
  function setup<T>(first: T, scope?: DirtyScope) {
    let d!: Draft<T>;
    let renders = 0;
    let reload!: (v: T) => void;
    function Tab() {
      const [saved, setSaved] = useState<T | null>(first);
      reload = setSaved;
      d = useDraft(saved);
      renders++;
      return null;
    }
    const m = mount(
      <DirtyContext.Provider value={scope ?? null}>
        <Tab />
      </DirtyContext.Provider>,
    );
    cleanup = m.unmount;
    return {
      get d() {
        return d;
      },
      get renders() {
        return renders;
      },
      reload: (v: T) => act(() => reload(structuredClone(v))),
      run: (f: (d: Draft<T>) => void) => act(() => f(d)),
    };
  }

  const saved = { agentName: '小美', shopName: '橙子旗舰店' };

  it('follows the saved value while the user has not edited', () => {
    const h = setup(saved);
    expect(h.d.value).toEqual(saved);
    h.reload({ ...saved, shopName: '新店名' });
    expect(h.d.value).toEqual({ ...saved, shopName: '新店名' });
    expect(h.d.dirty).toBe(false);
    expect(h.d.elsewhere).toBeNull();
  });

  it('keeps an edit through a reload of the same content, and is not even redrawn', () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班' }));
    const renders = h.renders;
    h.reload(saved); // a new object: what useLoaded gives after a write to another section
    expect(h.d.value).toEqual({ ...saved, agentName: '小美-夜班' });
    expect(h.d.dirty).toBe(true);
    expect(h.d.elsewhere).toBeNull();
    expect(h.renders - renders).toBe(1); // the reload's own render; the draft's state did not change
  });

  it('keeps an edit when the saved value changes underneath, and offers the new version', () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班' }));
    h.reload({ ...saved, shopName: '新店名' });
    expect(h.d.value).toEqual({ ...saved, agentName: '小美-夜班' });
    expect(h.d.elsewhere).toEqual({ ...saved, shopName: '新店名' });
    h.run((d) => d.merge());
    expect(h.d.value).toEqual({ agentName: '小美-夜班', shopName: '新店名' });
    expect(h.d.elsewhere).toBeNull();
    expect(h.d.dirty).toBe(true);
  });

  it('loads the new version on request, dropping the edit', () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班' }));
    h.reload({ ...saved, shopName: '新店名' });
    h.run((d) => d.discard());
    expect(h.d.value).toEqual({ ...saved, shopName: '新店名' });
    expect(h.d.dirty).toBe(false);
  });

  it('keeps the edit on request, and then a save goes through', async () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班' }));
    h.reload({ ...saved, shopName: '新店名' });
    let wrote = 0;
    // Refused while the choice is open.
    expect(await saveDraft(h.d, async () => ({ ...saved, shopName: '新店名' }), async () => (wrote++, saved))).toBe(false);
    expect(wrote).toBe(0);
    h.run((d) => d.keepMine());
    expect(h.d.elsewhere).toBeNull();
    expect(h.d.value).toEqual({ ...saved, agentName: '小美-夜班' });
    let ok = false;
    await act(async () => {
      ok = await saveDraft(h.d, async () => ({ ...saved, shopName: '新店名' }), async () => (wrote++, { ...saved, agentName: '小美-夜班' }));
    });
    expect(ok).toBe(true);
    expect(wrote).toBe(1);
    expect(h.d.dirty).toBe(false);
  });

  it('keeps what was typed while a save was under way', async () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班' }));
    let finish!: (v: typeof saved) => void;
    let done!: Promise<boolean>;
    h.run((d) => {
      done = saveDraft(d, async () => saved, () => new Promise((r) => (finish = r)));
    });
    await act(async () => {});
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班2' }));
    await act(async () => {
      finish({ ...saved, agentName: '小美-夜班' });
      await done;
    });
    expect(h.d.value).toEqual({ ...saved, agentName: '小美-夜班2' });
    expect(h.d.dirty).toBe(true);
    expect(h.d.base).toEqual({ ...saved, agentName: '小美-夜班' });
  });

  it('refuses a save that finds a newer version stored than the edit started from (before its notice arrived)', async () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: '小美-夜班' }));
    let ok = true;
    await act(async () => {
      ok = await saveDraft(h.d, async () => ({ ...saved, shopName: '新店名' }), async () => saved);
    });
    expect(ok).toBe(false);
    expect(h.d.elsewhere).toEqual({ ...saved, shopName: '新店名' });
    expect(h.d.value).toEqual({ ...saved, agentName: '小美-夜班' });
  });

  it('applies two quick edits of different fields both, when each is a change to the latest draft', () => {
    const h = setup(saved);
    h.run((d) => {
      d.edit((cur) => ({ ...cur, agentName: '小美-夜班' }));
      d.edit((cur) => ({ ...cur, shopName: '新店名' }));
    });
    expect(h.d.value).toEqual({ agentName: '小美-夜班', shopName: '新店名' });
  });

  it('is clean again when edited back to what is saved, or when the same change is saved elsewhere', () => {
    const h = setup(saved);
    h.run((d) => d.edit({ ...saved, agentName: 'x' }));
    h.run((d) => d.edit({ ...saved }));
    expect(h.d.dirty).toBe(false);
    h.run((d) => d.edit({ ...saved, agentName: 'y' }));
    h.reload({ ...saved, agentName: 'y' });
    expect(h.d.dirty).toBe(false);
    expect(h.d.elsewhere).toBeNull();
  });

  it('reports unsaved edits to its scope, and no longer once unmounted', () => {
    const seen = new Map<string, boolean>();
    const h = setup(saved, { set: (form, dirty) => seen.set(form, dirty) });
    expect([...seen.values()]).toEqual([false]);
    h.run((d) => d.edit({ ...saved, agentName: 'x' }));
    expect([...seen.values()]).toEqual([true]);
    cleanup?.();
    cleanup = undefined;
    expect([...seen.values()]).toEqual([false]);
  });
});

describe('useDirtyTabs', () => {
  it('tells which tabs hold unsaved edits', () => {
    let tabs!: ReturnType<typeof useDirtyTabs>;
    function App() {
      tabs = useDirtyTabs();
      return null;
    }
    const m = mount(<App />);
    act(() => tabs.scope('shop').set('a', true));
    act(() => tabs.scope('rules').set('b', true));
    expect([...tabs.dirtyTabs].sort()).toEqual(['rules', 'shop']);
    act(() => tabs.scope('shop').set('a', false));
    expect([...tabs.dirtyTabs]).toEqual(['rules']);
    expect(tabs.anyDirty()).toBe(true);
    act(() => tabs.scope('rules').set('b', false));
    expect(tabs.anyDirty()).toBe(false);
    m.unmount();
  });
});
