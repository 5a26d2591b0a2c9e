import type { EditProblem } from '@/lib/domain/customers/edit';
import { t } from '@/lib/i18n';

/** Why a buyer's edit form was not saved: each size that is not a number in its range, by name. */
export function EditProblems(props: { problems: readonly EditProblem[]; class?: string }) {
  if (!props.problems.length) return null;
  return (
    <ul class={props.class ?? 'kf-cc-error'} role="alert" data-kf="customer-edit-problems">
      {props.problems.map((p) => (
        <li data-problem={p.field}>{t('customers.edit.badSize', { field: t(`customers.size.${p.field}`), min: p.min, max: p.max })}</li>
      ))}
    </ul>
  );
}
