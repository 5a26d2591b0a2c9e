import type { MessageBundle } from '../index';

/**
 * The guard's part of the chat panel (components/panel/GuardPrompt.tsx: a held reply, warnings):
 * loaded with the guard feature script, not the content script; with the severities, the categories
 * and the badge beside the chat box, which that script draws too (the options page says them as well).
 */
export const guardPromptMessages: MessageBundle = {
  zh: {
    'guard.severity.block': '需确认',
    'guard.severity.warn': '提醒',
    'guard.cat.off-platform': '站外导流',
    'guard.cat.cash-for-review': '好评返现',
    'guard.cat.over-limit': '超出权限',
    'guard.cat.absolute-claim': '极限用语',
    'guard.cat.curt': '生硬回复',
    'guard.cat.repetition': '重复发送',
    'guard.cat.custom': '本店规则',
    'guard.badge': '⚠ {n}处可能违规',
    'guard.badgeTitle': '{labels}（详情见客服助手面板）',
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
    'guard.severity.block': 'confirm',
    'guard.severity.warn': 'note',
    'guard.cat.off-platform': 'Off-platform contact',
    'guard.cat.cash-for-review': 'Reward for review',
    'guard.cat.over-limit': 'Over your limit',
    'guard.cat.absolute-claim': 'Absolute claim',
    'guard.cat.curt': 'Curt reply',
    'guard.cat.repetition': 'Repeated reply',
    'guard.cat.custom': 'Shop rule',
    'guard.badge': '⚠ {n} possible {n|issue|issues}',
    'guard.badgeTitle': '{labels} (details in the helper panel)',
    'guard.held': 'This reply may break a rule — not inserted yet',
    'guard.heldCopy': 'This reply may break a rule — not copied yet',
    'guard.warned': 'Inserted — but note:',
    'guard.typed': 'The chat box text may break a rule:',
    'guard.rewrite': 'Rewrite it the compliant way',
    'guard.rewritePreview': 'Rewritten:',
    'guard.confirm': 'I checked it — insert anyway',
    'guard.cancel': 'Do not insert',
    'guard.dismiss': 'OK',
  },
};
