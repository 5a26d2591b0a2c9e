import { registerMessages, t } from '../i18n';
import { notDoneMessages } from '../i18n/messages/not-done';
import { reasonText } from './reason';

registerMessages(notDoneMessages);

/**
 * A failed write the agent asked for, in words: `notDone` (没能标为完成) and why. A full disk also
 * says `unchanged` (这一条没有改动: true only where the write was refused before it changed anything,
 * as one IndexedDB transaction is) and what to do: make room, then `again` (再点一次). Other reasons
 * carry their own advice (稍后再试, 刷新后再试) and are said as they are, claiming nothing more.
 * Before (until 2026-12-07) a full disk was said as 操作失败：存储空间已满 alone.
 */
export function notDoneText(err: unknown, notDone: string, unchanged: string, again = t('notDone.again')): string {
  if ((err as { code?: unknown } | null)?.code === 'quota') return t('notDone.full', { notDone, unchanged, again });
  return t('notDone.other', { notDone, reason: reasonText(err).replace(/[。.]$/, '') });
}
