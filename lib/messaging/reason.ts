import { registerMessages, t } from '../i18n';
import { wholeDataWait } from '../i18n/messages/whole-data-wait';
import { callErrors } from '../i18n/messages/call-errors';

registerMessages(wholeDataWait);
registerMessages(callErrors);

const CJK = /[\u4e00-\u9fff]/;

/**
 * A failed call in words for the agent, in the interface language: the background's codes (quota,
 * unavailable, invalid …) become a sentence; a message already written in Chinese (a rule's own
 * reason, e.g. 标题不能为空) is kept as it is. The developer's English detail is only ever shown in
 * brackets after such a sentence, never alone.
 */
export function reasonText(err: unknown): string {
  const detail = (err as Error | null)?.message ?? String(err);
  if (CJK.test(detail)) return detail;
  const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : 'unknown';
  const key = `error.${code}`;
  const text = t(key, { detail });
  return text === key ? t('error.unknown', { detail }) : text;
}
