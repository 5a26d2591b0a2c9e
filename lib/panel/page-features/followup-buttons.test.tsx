// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Store } from '../store';
import type { PanelController, PanelState } from '../controller';
import type { PanelSection } from '../page-feature';
import type { Features } from '../features';
import type { AddFollowupRequest } from '@/lib/messaging/protocol-followups';
import type { Res } from '@/lib/messaging/protocol';
import { setLocale } from '../../i18n';
import { PanelContext } from '@/components/PanelContext';
import { FollowupActions } from '@/components/panel/FollowupActions';
import { mount, click } from '@/components/remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {}, listen: () => () => {} }));

/** The follow-ups feature script, held back until `arrive()`: the real FollowupActions, adding through `sent`. */
let arrive: () => void = () => {};
const sent: AddFollowupRequest[] = [];
vi.mock('../features', () => ({
  loadFeature: () =>
    new Promise<Features['followups']>((resolve) => {
      arrive = () =>
        resolve({
          mount(container, host, first) {
            const add = async (req: AddFollowupRequest) => {
              sent.push(req);
              return { shownTitle: `咨询未拍：${host.controller.store.get().buyer}` } as Res<'addFollowup'>;
            };
            render(
              <PanelContext.Provider value={host.controller}>
                <FollowupActions add={add} targets={() => Promise.reject(new Error('no team'))} first={first} />
              </PanelContext.Provider>,
              container,
            );
            return () => render(null, container);
          },
          remindedHere: async () => ({ buyer: null }),
        });
    }),
}));
const { followupButtons } = await import('./followup-buttons');

let cleanup = () => {};
afterEach(() => {
  cleanup();
  sent.length = 0;
});

/** The sections the feature adds, by name. */
function sections(): Map<string, PanelSection> {
  const out = new Map<string, PanelSection>();
  followupButtons.init({ addSection: (s: PanelSection) => out.set(s.name, s) } as never, new AbortController().signal);
  return out;
}

function open() {
  setLocale('zh-CN');
  const store = new Store({ buyer: '南风知我意2019', buyerId: 'u-1005', settings: { shop: { locale: 'zh-CN' } } } as PanelState);
  const controller = { store, platform: () => 'demo' } as unknown as PanelController;
  Object.assign(controller, { featureHost: () => ({ controller }) });
  const Section = sections().get('followup-buttons')!.component;
  const m = mount(
    <PanelContext.Provider value={controller}>
      <Section />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return { $: (kf: string) => m.root.querySelector<HTMLElement>(`[data-kf="${kf}"]`), all: (kf: string) => m.root.querySelectorAll(`[data-kf="${kf}"]`) };
}

describe('the follow-up buttons before their handling has loaded', () => {
  it('are shown at once, and a button used meanwhile is done when the handling arrives, the focus still on it', async () => {
    const p = open();
    expect(p.$('fu-inquiry')!.textContent).toBe('咨询未拍');
    p.$('fu-inquiry')!.focus();
    click(p.$('fu-inquiry'));
    expect(sent).toEqual([]);
    await act(async () => arrive());
    await act(async () => {});
    expect(sent.map((r) => [r.kind, 'buyer' in r && r.buyer])).toEqual([['inquiry', '南风知我意2019']]);
    expect(p.$('fu-status')!.textContent).toBe('已加入跟进清单：咨询未拍：南风知我意2019');
    // One set of buttons (the handling's own), and the keyboard user is still on 咨询未拍.
    expect(p.all('fu-inquiry')).toHaveLength(1);
    expect(document.activeElement).toBe(p.$('fu-inquiry'));
  });

  it('opens the 承诺答复 form asked for while loading, once', async () => {
    const p = open();
    click(p.$('fu-promised'));
    await act(async () => arrive());
    await act(async () => {});
    expect(p.$('fu-due')).not.toBeNull();
    expect(p.$('fu-promised')!.getAttribute('aria-expanded')).toBe('true');
    expect(sent).toEqual([]);
  });
});

describe('an order page’s follow-ups', () => {
  it('are shown for a page of one order, a list of several (its rows to pick from) or a remark box; not on a chat page, nor on an order page with nothing read', () => {
    const when = sections().get('order-followups')!.when!;
    const row = { orderId: '3710462259018273645' } as PanelState['orders'][number];
    const state = (x: Partial<PanelState>) => ({ pageKind: 'order-detail', orders: [], remarkEditor: null, ...x }) as PanelState;
    expect(when(state({ orders: [row] }))).toBe(true);
    expect(when(state({ remarkEditor: { orderId: '3709981726354019283' } as PanelState['remarkEditor'] }))).toBe(true);
    expect(when(state({ pageKind: 'order-list', orders: [row, { ...row, orderId: '3967201845739261054' }] }))).toBe(true);
    expect(when(state({ pageKind: 'order-list' }))).toBe(false);
    expect(when(state({ pageKind: 'order-list', orders: [row, row], remarkEditor: { orderId: row.orderId } as PanelState['remarkEditor'] }))).toBe(true);
    // A chat with a remark box beside it (an order sidebar) keeps the chat's own buttons.
    expect(when(state({ pageKind: 'chat', remarkEditor: { orderId: row.orderId } as PanelState['remarkEditor'] }))).toBe(false);
  });
});
