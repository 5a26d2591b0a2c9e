import { t } from '@/lib/i18n';

/**
 * A reply naming the cut-off as today's deadline, after the cut-off (the shop's text is not
 * rewritten). Its own module: the reply cards (content.js) and the fill-in form (the suggest feature
 * script) each bundle it.
 */
export const PastCutoff = () => <span class="kf-reason kf-warn" data-kf="past-cutoff">{t('panel.pastCutoff')}</span>;
