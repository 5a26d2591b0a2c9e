import { registerMessages, t } from '@/lib/i18n';
import { followupsPanel } from '@/lib/i18n/messages/followups-panel';
import type { FollowupAct } from './FollowupActions';

registerMessages(followupsPanel);

/**
 * 跟进: 咨询未拍 · 承诺答复 · 中差评 (named as the list names the kinds they add). Drawn by the content script as soon as a buyer is open; what a
 * click does (FollowupActions) comes with the follow-ups feature script, which draws these same
 * buttons again beside its form once it is in.
 */
export function FollowupButtons(props: { onAct(a: FollowupAct): void; promising?: boolean; reviewing?: boolean; order?: boolean }) {
  return (
    <>
      <span class="kf-label">{t('followups.panel.heading')}</span>
      {/* Not on an order page: the buyer there has ordered. */}
      {!props.order && <button class="kf-chip" data-kf="fu-inquiry" onClick={() => props.onAct('inquiry')}>{t('followups.panel.inquiry')}</button>}
      <button class="kf-chip" data-kf="fu-promised" aria-expanded={!!props.promising} onClick={() => props.onAct('promised')}>{t('followups.panel.promised')}</button>
      <button class="kf-chip" data-kf="fu-bad-review" aria-expanded={props.reviewing} onClick={() => props.onAct('bad-review')}>{t('followups.panel.badReview')}</button>
    </>
  );
}
