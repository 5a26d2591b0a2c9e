import { registerMessages, t } from '@/lib/i18n';
import { suggestPanelMessages } from '@/lib/i18n/messages/suggest-panel';
import { pageSentence } from '../PageText';

registerMessages(suggestPanelMessages);

/** A reply the panel put in the chat box for one buyer (who, the box's whole text right after). */
export interface LeftDraft {
  buyer: string;
  buyerId: string | null;
  text: string;
}

/**
 * 输入框里还有给 A 的草稿: said above the open buyer's suggestions, with 清空 (takes out that text
 * alone) and 知道了. The name is the page's, shown as PageText. Drawn by the suggest feature script
 * (lib/panel/draft-left-run.tsx) while the box still holds `left` for another buyer than the open one.
 */
export function DraftLeft(props: { left: LeftDraft; clear(): void; dismiss(): void }) {
  return (
    <div class="kf-notice kf-warn" role="status" data-kf="draft-left">
      <span>{pageSentence('panel.draftLeft', { buyer: props.left.buyer })}</span>
      <button class="kf-link" data-kf="draft-left-clear" onClick={props.clear}>
        {t('panel.clearDraft')}
      </button>
      <button class="kf-link" data-kf="draft-left-dismiss" onClick={props.dismiss}>
        {t('panel.dismiss')}
      </button>
    </div>
  );
}
