// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../store';
import type { PanelController, PanelState } from '../controller';
import type { PanelSection } from '../page-feature';
import { setLocale } from '../../i18n';
import { act } from 'preact/test-utils';
import { mount, click } from '@/components/remarks/testing';
import { replaceRange } from '@/lib/insert';

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

/** The feature on a panel whose one chat box (`box`) every buyer shares. */
function start() {
  const store = new Store({ buyer: '甲', buyerId: null } as PanelState);
  const inserted: (() => void)[] = [];
  const read: (() => void)[] = [];
  let section: PanelSection | undefined;
  const controller = {
    store,
    chatInputQuiet: () => box,
    onInserted: (l: () => void) => inserted.push(l),
    onPageRead: (l: () => void) => read.push(l),
    // The suggest script's writer: in once the panel has inserted a reply.
    engine: { replaceRange },
  } as unknown as PanelController;
  draftLeft.init({ controller, addSection: (s: PanelSection) => (section = s) } as never, new AbortController().signal);
  const Section = section!.component;
  const m = mount(<Section />);
  cleanup = m.unmount;
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
});
