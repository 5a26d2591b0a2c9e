import type { RemarkLength } from '../../lib/domain/remarks';
import { t } from '../../lib/i18n';

/** "312 / 1000 字节": bytes on Taobao, characters on JD; red once over the platform limit. */
export function LengthCounter(props: { length: RemarkLength }) {
  const { used, max, unit } = props.length;
  const over = max !== null && used > max;
  const text =
    max === null ? t('remarks.length.charsNoMax', { used }) : t(unit === 'bytes' ? 'remarks.length.bytes' : 'remarks.length.chars', { used, max });
  return (
    <span class={over ? 'kf-rm-over' : undefined} data-kf="remark-length" data-over={over ? 'true' : 'false'}>
      {text}
    </span>
  );
}
