import type { Store } from '@/lib/panel/store';
import { useStore } from '../useStore';
import { t } from '@/lib/i18n';
import { pageSentence } from '../PageText';

/** A reply the panel put in the chat box for one buyer (who, the box's whole text right after). */
export interface LeftDraft {
  buyer: string;
  buyerId: string | null;
  text: string;
}

export interface DraftLeftState {
  /** The draft the box still holds for another buyer than the open one, while the panel says so. */
  left: LeftDraft | null;
}

/**
 * 输入框里还有给 A 的草稿: said above the open buyer's suggestions, with 清空 (takes out that text
 * alone) and 知道了. The name is the page's, shown as PageText.
 */
export function DraftLeft(props: { store: Store<DraftLeftState>; clear(): void; dismiss(): void }) {
  const { left } = useStore(props.store);
  if (!left) return null;
  return (
    <div class="kf-notice kf-warn" role="status" data-kf="draft-left">
      <span>{pageSentence('panel.draftLeft', { buyer: left.buyer })}</span>
      <button class="kf-link" data-kf="draft-left-clear" onClick={props.clear}>
        {t('panel.clearDraft')}
      </button>
      <button class="kf-link" data-kf="draft-left-dismiss" onClick={props.dismiss}>
        {t('panel.dismiss')}
      </button>
    </div>
  );
}
