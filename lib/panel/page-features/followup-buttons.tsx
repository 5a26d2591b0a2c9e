/**
 * Follow-up buttons on a chat page: 咨询未拍, 承诺答复 (with a time), 中差评, and 交给…. The buttons
 * are drawn here at once; what they do (components/panel/FollowupActions.tsx, the 交给… picker) is
 * the follow-ups feature script, asked for when the buttons are first shown. It then draws the whole
 * section in their place; a button used before that (click, Enter, Space) is done as soon as it is
 * in, and the focus stays on that button.
 */
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FeatureSlot } from '@/components/FeatureSlot';
import type { PanelFeature } from '../page-feature';
import { loadFeature } from '../features';
import { usePanel } from '@/components/PanelContext';
import { FollowupButtons } from '@/components/panel/FollowupButtons';
import type { FollowupAct } from '@/components/panel/FollowupActions';
import { t } from '@/lib/i18n';

function Buttons() {
  const panel = usePanel();
  const slot = useRef<HTMLDivElement>(null);
  const queued = useRef<FollowupAct[]>([]);
  const unmount = useRef<(() => void) | null>(null);
  const [state, setState] = useState<'loading' | 'in' | string>('loading');
  const load = () =>
    loadFeature('followups').then(
      (f) => {
        const el = slot.current;
        if (!el) return;
        const focused = (el.getRootNode() as ShadowRoot).activeElement?.getAttribute('data-kf');
        unmount.current = f.mount(el, panel.featureHost(), queued.current.splice(0));
        setState('in');
        if (focused) el.querySelector<HTMLElement>(`[data-kf="${focused}"]`)?.focus();
      },
      (err: Error) => setState(err.message),
    );
  useEffect(() => {
    void load();
    return () => unmount.current?.();
  }, []);
  const act = (a: FollowupAct) => {
    queued.current.push(a);
    // It failed to load: a click tries again.
    if (state !== 'loading') {
      setState('loading');
      void load();
    }
  };
  return (
    <>
      {state !== 'in' && (
        <section class="kf-followup" data-kf="followup-actions">
          <FollowupButtons onAct={act} />
          {state !== 'loading' && <p class="kf-error" role="status">{t('panel.featureFailed', { reason: state })}</p>}
        </section>
      )}
      <div ref={slot} style="display:contents" />
    </>
  );
}

/** An order page's: the whole section comes with the feature script (no buttons of its own in content.js). */
const ForOrder = () => h(FeatureSlot, { name: 'followups' });

export const followupButtons: PanelFeature = {
  name: 'followup-buttons',
  init({ addSection }) {
    addSection({ name: 'followup-buttons', slot: 'chat', order: 40, component: Buttons, when: (s) => !!s.buyer });
    // A page of one order (a detail or memo page, a list read to one row): the same actions, for that
    // order. A list of several: the rows read, in the panel, and the actions for the one picked there
    // or whose remark box is open (FollowupActions' pageOrder) — never buttons in the console's rows.
    addSection({ name: 'order-followups', slot: 'orders', order: 70, component: ForOrder, when: (s) => s.pageKind !== 'chat' && (s.orders.length > 0 || !!s.remarkEditor) });
  },
};
