// @vitest-environment happy-dom
/**
 * The chat panel's part of a 催付 reply: inserted or copied, the worker is told which, so the item's
 * note and close say so (lib/domain/followups/reminded.ts: 催过 / 催过（已复制）), and the panel's line
 * says it with 撤销, undone alike.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import type { Template } from '@/lib/domain/templates';
import { setLocale } from '@/lib/i18n';
import { buyerLabel } from '@/lib/domain/customers/buyer-tag';
import { PanelContext } from '../PanelContext';
import { FollowupActions, remindedFromSide } from './FollowupActions';
import { click, mount } from '../remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {}, listen: () => () => {} }));
const calls: [string, Record<string, unknown>][] = [];
const AT = Date.UTC(2026, 11, 7, 6, 5); // 14:05 in Beijing
vi.mock('@/lib/messaging/client', async (orig) => ({
  ...(await orig<typeof import('@/lib/messaging/client')>()),
  call: vi.fn(async (verb: string, payload: Record<string, unknown>) => {
    calls.push([verb, payload]);
    if (verb === 'remindedUnpaid') return { at: payload.undo ?? AT, ids: ['unpaid:4012000001'], orders: ['4012000001'], kept: payload.undo === undefined };
    throw new Error('not here');
  }),
}));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  calls.length = 0;
});

const PAY = { id: 'pay-remind', title: '催付', body: '亲，订单还没付款哦', scenarios: ['payment'] } as unknown as Template;

/** A chat panel for S*******n whose insertions and copies the test tells it of. */
function open() {
  setLocale('zh-CN');
  const store = new Store({ pageKind: 'chat', orders: [], remarkEditor: null, buyer: 'S*******n', buyerId: 'u-1' } as unknown as PanelState);
  let inserted: (text: string, req: object, template: Template | null) => void = () => {};
  let copied: (text: string, template: Template) => void = () => {};
  const controller = {
    store,
    platform: () => 'demo',
    onInserted: (l: typeof inserted) => (inserted = l),
    onCopied: (l: typeof copied) => (copied = l),
  } as unknown as PanelController;
  const m = mount(
    <PanelContext.Provider value={controller}>
      <FollowupActions add={() => Promise.reject(new Error('no'))} targets={() => Promise.reject(new Error('no team'))} />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  const $ = (kf: string) => m.root.querySelector<HTMLElement>(`[data-kf="${kf}"]`);
  const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
  return { $, settle, insert: () => act(() => inserted(PAY.body, {}, PAY)), copy: () => act(() => copied(PAY.body, PAY)) };
}

const reminded = () => calls.filter(([verb]) => verb === 'remindedUnpaid').map(([, p]) => p);

describe('a 催付 reply for the buyer with an unpaid order', () => {
  it('copied: the worker is told it was copied (the item then says 催过（已复制）), the line says so, and 撤销 is the same undo', async () => {
    const p = open();
    await p.copy();
    await p.settle();
    expect(reminded()).toEqual([{ buyer: 'S*******n', buyerId: 'u-1', platform: 'demo', templateId: 'pay-remind', copied: true }]);
    expect(p.$('fu-reminded')!.textContent).toContain('已复制催付回复');
    click(p.$('fu-reminded-undo'));
    await p.settle();
    // Undone as an insertion is: by the mark's time, nothing else.
    expect(reminded()[1]).toEqual({ buyer: 'S*******n', buyerId: 'u-1', platform: 'demo', templateId: 'pay-remind', undo: AT });
    expect(p.$('fu-reminded')).toBeNull();
  });

  it('inserted: told as before, with nothing about a copy', async () => {
    const p = open();
    await p.insert();
    await p.settle();
    expect(reminded()).toEqual([{ buyer: 'S*******n', buyerId: 'u-1', platform: 'demo', templateId: 'pay-remind' }]);
    expect(p.$('fu-reminded')!.textContent).not.toContain('复制');
  });
});

/**
 * The side panel's library copied (or inserted) a reply while serving this tab (TabProtocol
 * `remindedHere`, the content script hands it to the follow-ups script): the buyer this chat shows
 * at that moment is marked as after the panel's own copy, the same line with 撤销 here, and the side
 * panel is told whom. No buyer's chat here: nothing marked, and the side panel is told so.
 */
describe('a 催付 reply copied from the side panel', () => {
  /** S*******n as the panel names her: with the tag of her id, which a namesake's does not share. */
  const MASKED = buyerLabel('S*******n', 'u-1');
  /** The tab's panel (its library has the reply), the section drawn or not; `read` runs at flushRead (a switch's waiting read). */
  function tab(state: Partial<PanelState>, opts: { drawn?: boolean; read?: Partial<PanelState> } = {}) {
    setLocale('zh-CN');
    const store = new Store({ pageKind: 'chat', orders: [], remarkEditor: null, buyer: 'S*******n', buyerId: 'u-1', library: { templates: [PAY] }, ...state } as unknown as PanelState);
    const controller = {
      store,
      platform: () => 'demo',
      onInserted: () => {},
      onCopied: () => {},
      flushRead: () => opts.read && store.set(opts.read),
    } as unknown as PanelController;
    let $ = (_kf: string): HTMLElement | null => null;
    if (opts.drawn !== false) {
      const m = mount(
        <PanelContext.Provider value={controller}>
          <FollowupActions add={() => Promise.reject(new Error('no'))} targets={() => Promise.reject(new Error('no team'))} />
        </PanelContext.Provider>,
      );
      cleanup = m.unmount;
      $ = (kf) => m.root.querySelector<HTMLElement>(`[data-kf="${kf}"]`);
    }
    const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
    return { controller, $, settle };
  }

  it('marks the buyer the chat shows, says it was copied with 撤销 in the page, and tells the side panel whom', async () => {
    const p = tab({});
    let out: unknown;
    await act(async () => void (out = await remindedFromSide(p.controller, { templateId: 'pay-remind', copied: true })));
    await p.settle();
    expect(out).toEqual({ buyer: MASKED, marked: true });
    expect(reminded()).toEqual([{ buyer: 'S*******n', buyerId: 'u-1', platform: 'demo', templateId: 'pay-remind', copied: true }]);
    expect(p.$('fu-reminded')!.textContent).toContain('已复制催付回复');
    expect(p.$('fu-reminded-undo')).not.toBeNull();
  });

  it('inserted from the side panel: marked as an insertion', async () => {
    const p = tab({});
    expect(await remindedFromSide(p.controller, { templateId: 'pay-remind', copied: false })).toEqual({ buyer: MASKED, marked: true });
    expect(reminded()).toEqual([{ buyer: 'S*******n', buyerId: 'u-1', platform: 'demo', templateId: 'pay-remind' }]);
  });

  it('the agent switched buyer inside the chat: the buyer shown now, never the one the side panel last saw', async () => {
    const p = tab({}, { read: { buyer: '橙子爱好者', buyerId: 'u-2' } });
    expect(await remindedFromSide(p.controller, { templateId: 'pay-remind', copied: true })).toEqual({ buyer: '橙子爱好者', marked: true });
    expect(reminded()).toEqual([{ buyer: '橙子爱好者', buyerId: 'u-2', platform: 'demo', templateId: 'pay-remind', copied: true }]);
  });

  it('with the follow-ups section not drawn (panel folded) the buyer is still marked', async () => {
    const p = tab({}, { drawn: false });
    expect(await remindedFromSide(p.controller, { templateId: 'pay-remind', copied: true })).toEqual({ buyer: MASKED, marked: true });
    expect(reminded()).toHaveLength(1);
  });

  it('no conversation open in the chat: nothing marked, and the side panel is told there is no buyer', async () => {
    const p = tab({ buyer: null, buyerId: null });
    expect(await remindedFromSide(p.controller, { templateId: 'pay-remind', copied: true })).toEqual({ buyer: null });
    expect(reminded()).toEqual([]);
  });

  it('an order page, not a chat: nothing marked', async () => {
    const p = tab({ pageKind: 'order-list' } as Partial<PanelState>, { drawn: false });
    expect(await remindedFromSide(p.controller, { templateId: 'pay-remind', copied: true })).toEqual({ buyer: null });
    expect(reminded()).toEqual([]);
  });

  it('a payload that is not a reply id and a flag is refused, nothing marked', async () => {
    const p = tab({}, { drawn: false });
    await expect(remindedFromSide(p.controller, { templateId: 7, copied: true })).rejects.toThrow();
    await expect(remindedFromSide(p.controller, null)).rejects.toThrow();
    expect(reminded()).toEqual([]);
  });
});
