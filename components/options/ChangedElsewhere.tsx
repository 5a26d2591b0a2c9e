import { getLocale, registerMessages, t } from '@/lib/i18n';
import { optionsDrafts } from '@/lib/i18n/messages/options-drafts';
import { changedPaths, type Draft } from './useDraft';

registerMessages(optionsDrafts);

export interface ChangedElsewhereProps<T> {
  draft: Draft<T>;
  /** What changed, as the sentence names it ('drafts.settings', 'drafts.rules'). */
  whatKey: string;
  /** Names a field by its path in the value ('shop.shopName'): the notice then lists what changed elsewhere. */
  fieldLabel?(path: string): string;
  /** Offer the merge (forms of independent fields: settings; not a rule set, whose parts depend on each other). */
  canMerge?: boolean;
}

/**
 * Shown above a form whose saved value changed elsewhere while the user was editing it: says so,
 * and lets them load the new version, merge it with their edits, or keep their edits.
 */
export function ChangedElsewhere<T>({ draft, whatKey, fieldLabel, canMerge }: ChangedElsewhereProps<T>) {
  if (draft.elsewhere === null) return null;
  const fields = fieldLabel && draft.base !== null ? changedPaths(draft.base, draft.elsewhere).map(fieldLabel) : [];
  return (
    <div class="kf-notice" role="alert" data-kf="changed-elsewhere">
      <p class="kf-warn-text">{t('drafts.elsewhere', { what: t(whatKey) })}</p>
      {fields.length > 0 && <p data-kf="changed-fields">{t('drafts.fields', { fields: fields.join(getLocale() === 'en' ? ', ' : '、') })}</p>}
      <div class="kf-actions">
        <button type="button" data-kf="draft-load" onClick={draft.discard}>{t('drafts.load')}</button>
        {canMerge && <button type="button" data-kf="draft-merge" onClick={draft.merge}>{t('drafts.merge')}</button>}
        <button type="button" data-kf="draft-keep" onClick={draft.keepMine}>{t('drafts.keep')}</button>
      </div>
    </div>
  );
}
