import type { TagsOver } from '@/lib/domain/customers/customer';
import { overProblems } from '@/lib/domain/customers/check';
import { t } from '@/lib/i18n';

/**
 * Said under a tags field whose tags break the tag rule (shownTagsOver: typed so, or left so by a
 * merge of two records): which tag is too long and by how much, how many tags too many. The whole
 * text stays in the field; the form holds its save when the agent changed the tags (the worker
 * refuses them; it used to cut each tag to fit without a word). Nothing when it fits.
 * The bundle registers the customers messages (the problem texts are the imports' too).
 */
export function TagsOverNotice(props: { over: TagsOver | null; class?: string }) {
  if (!props.over) return null;
  return (
    <div class={props.class ?? 'kf-cc-error'} role="alert" data-kf="tags-over">
      <ul>
        {overProblems(props.over).map((p) => (
          <li data-problem={p.code}>{t(`customers.problem.${p.code}`, p.params)}</li>
        ))}
      </ul>
      <p>{t('customers.tags.fix')}</p>
    </div>
  );
}
