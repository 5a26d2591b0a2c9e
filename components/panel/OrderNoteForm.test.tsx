// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import type { AddFollowupRequest } from '@/lib/messaging/protocol-followups';
import type { Res } from '@/lib/messaging/protocol';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from '../PanelContext';
import { FollowupActions } from './FollowupActions';
import { click, mount, type } from '../remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {}, listen: () => () => {} }));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/** The 跟进 section for one open buyer; what it adds is recorded. */
function section() {
  setLocale('zh-CN');
  const store = new Store({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' } as PanelState);
  const controller = { store, platform: () => 'demo' } as unknown as PanelController;
  const sent: AddFollowupRequest[] = [];
  const add = (req: AddFollowupRequest) => {
    sent.push(req);
    return Promise.resolve({ kind: req.kind, title: '', shownTitle: '已加' } as unknown as Res<'addFollowup'>);
  };
  const m = mount(
    <PanelContext.Provider value={controller}>
      <FollowupActions add={add} targets={() => Promise.reject(new Error('no team'))} />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  const $ = (kf: string) => m.root.querySelector<HTMLInputElement>(`[data-kf="${kf}"]`);
  return { $, sent, root: m.root, settle: () => act(async () => {}) };
}

// The two order forms are one component (OrderNoteForm): the same order field, note, limit and add.
describe.each([
  { form: '中差评', open: 'fu-bad-review', name: 'review', order: 'fu-review-order', kind: 'bad-review', fields: ['fu-review-order', 'fu-review-note'] },
  { form: '售后', open: 'fu-after', name: 'after', order: 'fu-order', kind: 'return-pending', fields: ['fu-after-kind', 'fu-order', 'fu-after-due', 'fu-after-note'] },
])('the $form form', ({ open, name, order, kind, fields }) => {
  it('keeps a note pasted over 500 characters whole, says by how much, adds nothing until it is shortened, then adds it with the order', async () => {
    const p = section();
    click(p.$(open));
    expect([...p.root.querySelectorAll(`[data-kf="fu-${name}-form"] [data-kf]`)].map((el) => el.getAttribute('data-kf')).filter((k) => fields.includes(k!))).toEqual(fields);
    type(p.$(order), '2026120512345');
    type(p.$(`fu-${name}-note`), '好'.repeat(520));
    expect(p.$(`fu-${name}-note-too-long`)?.textContent).toBe('最多 500 字，现在 520 字（多 20 字）。文字都还在，缩短后才能保存。');
    expect(p.$(`fu-${name}-note`)?.getAttribute('aria-invalid')).toBe('true');
    expect(p.$(`fu-${name}-add`)?.disabled).toBe(true);
    // Enter in a field submits the form: still nothing added, the text still whole.
    act(() => void p.$(`fu-${name}-form`)!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await p.settle();
    expect(p.sent).toEqual([]);
    expect(p.$(`fu-${name}-note`)?.value).toHaveLength(520);
    type(p.$(`fu-${name}-note`), '买家说包装破了');
    expect(p.$(`fu-${name}-note-too-long`)).toBeNull();
    click(p.$(`fu-${name}-add`));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind, orderId: '2026120512345', note: '买家说包装破了', buyerId: 'u-1001' })]);
    // Added: the form closes, its fields emptied.
    expect(p.$(`fu-${name}-form`)).toBeNull();
  });
});
