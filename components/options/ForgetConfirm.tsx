import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { registerMessages, t } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/messages/privacy';
import type { ForgetCounts, OpenItems } from '@/lib/domain/customers/forget';

registerMessages(privacyMessages);

/**
 * The confirmation before buyers are deleted (客户档案 → 删除 / 全部删除): what goes with them, as
 * the background counted it (previewBuyerDeletion) — done follow-ups, learned picks holding their
 * name, their name in the remark override log, the same in the local backups — and, when they have
 * follow-ups not done yet, the agent's choice: delete those too, or keep them anonymous
 * (lib/domain/customers/forget.ts). Cancel has the focus: nothing is deleted by a stray Enter.
 */
export function ForgetConfirm(props: {
  kf: string;
  question: ComponentChildren;
  counts: ForgetCounts;
  /** data-kf and label of the button that deletes (everything, open follow-ups included). */
  yesKf: string;
  yesLabel: string;
  onDelete(open: OpenItems): void;
  onCancel(): void;
  /** Team mode: the counts below are this machine's; colleagues' copies go too. */
  team?: boolean;
  /** The counts moved while this was open (countsMoved): said above them, nothing deleted yet. */
  changed?: boolean;
}) {
  const c = props.counts;
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), [props.counts]);
  const also = [c.done ? t('forget.done', { n: c.done }) : '', c.learned ? t('forget.learned', { n: c.learned }) : ''].filter(Boolean);
  return (
    <div class="kf-bad" role="alertdialog" data-kf={props.kf}>
      {props.changed && <p class="kf-warn-text" data-kf="forget-changed">{t('forget.changed')}</p>}
      <p>{props.question}</p>
      {also.length > 0 && <p data-kf="forget-also">{t('forget.also', { list: also.join(t('forget.list.sep')) })}</p>}
      {c.overrides > 0 && <p data-kf="forget-overrides">{t('forget.overrides', { n: c.overrides })}</p>}
      {also.length + c.overrides + c.open > 0 && <p class="kf-help">{t('forget.backups')}</p>}
      {props.team && also.length + c.overrides + c.open > 0 && <p class="kf-help" data-kf="forget-team">{t('forget.teamCounts')}</p>}
      {c.open > 0 && <p data-kf="forget-open">{t('forget.open', { n: c.open })}</p>}
      <div class="kf-actions">
        <button class="kf-danger" data-kf={props.yesKf} onClick={() => props.onDelete('delete')}>
          {c.open > 0 ? t('forget.deleteOpen') : props.yesLabel}
        </button>
        {c.open > 0 && (
          <button class="kf-danger" data-kf="forget-keep-open" onClick={() => props.onDelete('keep')}>
            {t('forget.keepOpen')}
          </button>
        )}
        <button ref={cancel} data-kf="forget-cancel" onClick={props.onCancel}>
          {t('customers.options.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Whether a deletion counted again just before it runs differs from what its confirmation showed:
 * another options tab or the chat panel added a buyer, a follow-up or a pick meanwhile. The page then
 * shows the new counts (`changed`) instead of deleting what the agent was never shown — a buyer saved
 * after the question, or an open follow-up without the choice to keep it.
 */
export function countsMoved(shown: ForgetCounts & { buyers?: number }, now: ForgetCounts & { buyers?: number }): boolean {
  return (['buyers', 'open', 'done', 'learned', 'overrides'] as const).some((k) => (shown[k] ?? 0) !== (now[k] ?? 0));
}

/** After the delete: what happened to the follow-ups and picks, or null when there were none. */
export function forgetResult(open: OpenItems, c: ForgetCounts): string | null {
  if (!c.open && !c.done && !c.learned) return null;
  const kept = open === 'keep' ? c.open : 0;
  return t('forget.result', { deleted: c.open + c.done - kept, kept, learned: c.learned });
}
