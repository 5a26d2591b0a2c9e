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
import { PanelContext } from '../PanelContext';
import { FollowupActions } from './FollowupActions';
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
