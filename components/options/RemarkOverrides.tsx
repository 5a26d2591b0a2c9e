import { useShopZone } from './useShopZone';
import type { RemarkOverride } from '@/lib/storage/rules';
import { formatWall } from '@/lib/domain/time';
import { t } from '@/lib/i18n';

/** Overrides shown, newest first (the log keeps more). */
const SHOWN = 50;

/**
 * The log of remarks saved against the rules (备注规则 tab), newest first. Times in shop time, as
 * the remarks themselves are dated. Page and agent text is rendered as text.
 */
export function RemarkOverrides(props: { overrides: RemarkOverride[] }) {
  const zone = useShopZone();
  return (
    <>
      <h3>{t('remarkRules.overrides')}</h3>
      <table class="kf-table" data-kf="remark-overrides">
        <thead>
          <tr>
            <th>{t('remarkRules.when')}</th>
            <th>{t('remarkRules.order')}</th>
            <th>{t('remarkRules.agent')}</th>
            <th>{t('remarkRules.reason')}</th>
            <th>{t('remarkRules.remark')}</th>
          </tr>
        </thead>
        <tbody>
          {props.overrides.slice(0, SHOWN).map((o) => (
            <tr key={`${o.at}:${o.orderId}`}>
              <td>{formatWall(o.at, zone)}</td>
              <td>{o.orderId}</td>
              <td>{o.agent}</td>
              <td>{o.reason}</td>
              <td title={o.problems.map((p) => p.message).join('\n')}>{o.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
