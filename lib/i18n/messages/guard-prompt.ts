import type { MessageBundle } from '../index';

/**
 * The guard's part of the chat panel (components/panel/GuardPrompt.tsx: a held reply, warnings):
 * loaded with the guard feature script, not the content script. Categories and severities are in
 * guard-panel.ts (the badge and the options page say them too).
 */
export const guardPromptMessages: MessageBundle = {
  zh: {
    'guard.held': '这条回复可能违规，暂未插入',
    'guard.heldCopy': '这条回复可能违规，暂未复制',
    'guard.warned': '已插入，但请留意：',
    'guard.typed': '输入框里的内容可能违规：',
    'guard.rewrite': '一键改成合规说法',
    'guard.rewritePreview': '改写后：',
    'guard.confirm': '我确认无误，仍然插入',
    'guard.cancel': '不插入',
    'guard.dismiss': '知道了',
  },
  en: {
    'guard.held': 'This reply may break platform rules — not inserted yet',
    'guard.heldCopy': 'This reply may break platform rules — not copied yet',
    'guard.warned': 'Inserted — but note:',
    'guard.typed': 'The chat box text may break platform rules:',
    'guard.rewrite': 'Rewrite it the compliant way',
    'guard.rewritePreview': 'Rewritten:',
    'guard.confirm': 'I checked it — insert anyway',
    'guard.cancel': 'Do not insert',
    'guard.dismiss': 'OK',
  },
};
