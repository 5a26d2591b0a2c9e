// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../store';
import type { PanelController, PanelState } from '../controller';
import type { PanelSection } from '../page-feature';
import { setLocale } from '../../i18n';
import { act } from 'preact/test-utils';
import { mount, click } from '@/components/remarks/testing';
import { startDraftLeft } from '../draft-left-run';

vi.mock('@/lib/browser', () => ({ browser: {} }));
const { draftLeft } = await import('./draft-left');

let box: HTMLTextAreaElement;
let cleanup: () => void = () => {};
beforeEach(() => {
  setLocale('zh-CN');
  box = document.createElement('textarea');
  document.body.append(box);
});
afterEach(() => {
  cleanup();
  box.remove();
});

/**
 * The feature on a panel whose one chat box (`box`) every buyer shares. `engine`: the suggest
 * script, in once the panel has inserted a reply (its writer made the insertion), with what it draws.
 */
function start(opts: { engine?: boolean; locale?: 'zh-CN' | 'en' } = {}) {
  const store = new Store({ buyer: '甲', buyerId: null, settings: { shop: { locale: opts.locale ?? 'zh-CN' } } } as PanelState);
  const inserted: (() => void)[] = [];
  const read: (() => void)[] = [];
  let section: PanelSection | undefined;
  const controller = {
    store,
    chatInputQuiet: () => box,
    onInserted: (l: () => void) => inserted.push(l),
    onPageRead: (l: () => void) => read.push(l),
    engine: opts.engine === false ? null : { draftLeft: startDraftLeft },
  } as unknown as PanelController;
  draftLeft.init({ controller, addSection: (s: PanelSection) => (section = s) } as never, new AbortController().signal);
  const Section = section!.component;
  let m = mount(<Section />);
  cleanup = () => m.unmount();
  return {
    $: (kf: string) => m.root.querySelector<HTMLElement>(`[data-kf="${kf}"]`),
    /** The panel put `text` in the box at its caret for the open buyer. */
    insert: (text: string) => {
      box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
      inserted.forEach((l) => l());
    },
    /** Another conversation is read (the page's switch). */
    open: (buyer: string) =>
      act(() => {
        store.set({ buyer });
        read.forEach((l) => l());
      }),
    /** The panel draws the section anew (folded and opened again). */
    redraw: () => {
      m.unmount();
      m = mount(<Section />);
    },
  };
}

describe('a draft left in a chat box shared by every buyer', () => {
  it('is said at the switch while the box holds exactly what the panel left there, and 清空 takes out that text alone', () => {
    const p = start();
    p.insert('甲您好');
    p.open('乙');
    expect(p.$('draft-left')?.textContent).toContain('输入框里还有给甲的草稿');
    expect(box.value).toBe('甲您好');
    p.insert('乙您好');
    click(p.$('draft-left-clear'));
    expect(box.value).toBe('乙您好');
    expect(p.$('draft-left')).toBeNull();
  });

  it('says nothing when the agent changed the box after the insertion, and goes when the agent is back with its buyer', () => {
    const p = start();
    p.insert('甲您好');
    box.value += '，在的';
    p.open('乙');
    expect(p.$('draft-left')).toBeNull();
    box.value = '';
    p.open('甲');
    p.insert('甲您好');
    p.open('乙');
    expect(p.$('draft-left')).not.toBeNull();
    p.open('甲');
    expect(p.$('draft-left')).toBeNull();
    expect(box.value).toBe('甲您好');
  });

  it('before the panel inserted anything, a switch needs no suggest script and says nothing', () => {
    const p = start({ engine: false });
    box.value = '甲您好';
    expect(() => p.open('乙')).not.toThrow();
    expect(p.$('draft-left')).toBeNull();
  });

  it('is there again when the panel draws its place anew (folded, then opened), in the panel\'s language', () => {
    const p = start({ locale: 'en' });
    p.insert('Hi A');
    p.open('乙');
    p.redraw();
    expect(p.$('draft-left')?.textContent).toContain('The chat box still holds a draft for 甲');
    click(p.$('draft-left-dismiss'));
    expect(p.$('draft-left')).toBeNull();
    expect(box.value).toBe('Hi A');
  });
});
