import { buyerTag } from '@/lib/domain/customers/buyer-tag';
import { t } from '@/lib/i18n';

/**
 * ` · 3f2a` after a masked nickname whose buyer the console gave an id (lib/domain/customers/buyer-tag.ts):
 * two buyers shown as `S*******n` read apart at a glance, the same way in the panel, the card, the
 * popup and the options page. Outside the name's own element, so a cut long name never hides it.
 */
export function BuyerTag(props: { nickname: string | null | undefined; buyerId: string | null | undefined }) {
  const tag = buyerTag(props.nickname, props.buyerId);
  return tag ? (
    <span class="kf-buyer-tag" data-kf="buyer-tag" title={t('buyer.tag')}>
      {' · '}
      {tag}
    </span>
  ) : null;
}
