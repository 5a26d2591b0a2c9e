import type { ComponentChildren, Ref } from 'preact';
import { pageSentence } from '../PageText';
import { segmentOf } from '@/lib/domain/customers/customer';
import type { EditClash, EditField } from '@/lib/domain/customers/edit-clash';
import type { Customer } from '@/lib/domain/customers/types';
import { registerMessages, t } from '@/lib/i18n';
import { customersUi } from '@/lib/i18n/messages/customers-ui';

registerMessages(customersUi);

function fieldLabel(f: EditField): string {
  if (f === 'segment') return t('customers.clash.segment');
  return t(f === 'tags' || f === 'preferences' || f === 'addressNote' || f === 'note' ? `customers.field.${f}` : `customers.size.${f}`);
}

/** The value saved elsewhere as the form would show it: a segment by name, an empty field as 空. */
function shownValue(c: EditClash, base: Customer | null): string {
  if (c.field === 'segment') {
    if (c.theirs) return t(`customers.segment.${c.theirs}`);
    return t('customers.clash.segmentAuto', { segment: t(`customers.segment.${base ? segmentOf({ ...base, segmentManual: undefined }) : 'new'}`) });
  }
  return c.theirs.trim() ? c.theirs : t('customers.clash.empty');
}

/**
 * Said in an open buyer edit form (the options page's 客户档案, the panel's buyer card) when fields
 * the agent changed were also changed and saved elsewhere (lib/domain/customers/edit-clash.ts):
 * each field with the value there, and the choice — take those, or overwrite them. `intro` says
 * where "elsewhere" may be, from where the form is.
 */
export function EditClashNotice(props: {
  intro: ComponentChildren;
  fields: readonly EditClash[];
  base: Customer | null;
  onChoose(theirs: boolean): void;
  class: string;
  noticeRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={props.noticeRef} tabIndex={-1} role="alert" class={props.class} data-kf="changed-elsewhere">
      <p class="kf-warn-text">{props.intro}</p>
      <ul data-kf="changed-fields">
        {props.fields.map((c) => (
          // The other value is buyer text typed elsewhere: PageText inside the sentence.
          <li data-clash-field={c.field}>{pageSentence('customers.clash.field', { theirs: shownValue(c, props.base) }, { field: fieldLabel(c.field) })}</li>
        ))}
      </ul>
      <div class="kf-actions">
        <button type="button" data-kf="clash-load" onClick={() => props.onChoose(true)}>
          {t('customers.clash.load')}
        </button>
        <button type="button" data-kf="clash-overwrite" onClick={() => props.onChoose(false)}>
          {t('customers.clash.overwrite')}
        </button>
      </div>
    </div>
  );
}
