import type { MessageBundle } from '../index';

/**
 * The dead panel's refresh button, its warning, its folded tab and the unsaved texts it keeps (components/panel/StalePanel.tsx), and those texts given back in the new panel after an update (LeftTexts.tsx); drawn by the fit
 * feature script every panel loads as it starts): kept out of the content script, which keeps only
 * the one line it shows when that script never came ('panel.stale' in core.ts).
 */
export const staleMessages: MessageBundle = {
  zh: {
    'stale.reload': '刷新页面',
    'stale.typed': '聊天框里还有没发出的文字，刷新后可能会丢失：请先发送或复制它。',
    'stale.reloadAnyway': '仍然刷新',
    'stale.tab': '已更新',
    'stale.kept': '你在面板里写了还没保存的内容，刷新后不会保留：先复制，刷新后再粘贴。',
    'stale.copy': '复制',
    'stale.copied': '已复制',
    'stale.select': '已选中，请按 Ctrl+C 复制',
    'stale.handed': '助手刚刚更新。更新前你在面板里写了、还没保存的内容在这里，可复制后填回原处。',
    'stale.handedDismiss': '知道了',
  },
  en: {
    'stale.reload': 'Refresh page',
    'stale.typed': 'The chat box still holds unsent text, which a refresh may lose: send or copy it first.',
    'stale.reloadAnyway': 'Refresh anyway',
    'stale.tab': 'Updated',
    'stale.kept': 'What you typed in the panel is not saved and a refresh will not keep it: copy it, then paste it after the refresh.',
    'stale.copy': 'Copy',
    'stale.copied': 'Copied',
    'stale.select': 'Selected: press Ctrl+C to copy',
    'stale.handed': 'The helper has just updated. What you had typed in the panel and not saved is here: copy it back where it belongs.',
    'stale.handedDismiss': 'Got it',
  },
};
