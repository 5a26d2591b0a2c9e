import { t } from '@/lib/i18n';

/**
 * A reply naming the cut-off as today's deadline, after the cut-off (the shop's text is not
 * rewritten). Its own module: the reply rows and the fill-in form, both in the suggest feature script
 * (its words: lib/i18n/messages/reply-rows.ts, which both register).
 */
export const PastCutoff = () => <span class="kf-reason kf-warn" data-kf="past-cutoff">{t('panel.pastCutoff')}</span>;
