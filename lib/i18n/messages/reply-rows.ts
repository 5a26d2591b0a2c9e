import type { MessageBundle } from '../index';

/**
 * A reply row's words (components/TemplateRow.tsx: its hints, 复制, the passed cut-off) and the fill-in
 * form's 复制: both come with the suggest feature script, which draws the rows and the form, not with
 * the content script every console page loads.
 */
export const replyRowMessages: MessageBundle = {
  zh: {
    'panel.insertHint': '插入到聊天输入框光标处，不会发送',
    'panel.copyHint': '复制到剪贴板',
    'panel.copy': '复制',
    'panel.pastCutoff': '今天的截单时间已过，请改后再发',
  },
  en: {
    'panel.insertHint': 'Insert at the chat box caret; nothing is sent',
    'panel.copyHint': 'Copy to the clipboard',
    'panel.copy': 'Copy',
    'panel.pastCutoff': 'Cut-off passed: edit before sending',
  },
};
