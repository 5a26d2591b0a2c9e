import type { MessageBundle } from '../index';

/**
 * The fill-in form (components/FillPrompt.tsx: a reply's {尺码?}, {单号?} asked before it goes in):
 * loaded with the suggest feature script, which draws the form, not the content script.
 */
export const fillPromptMessages: MessageBundle = {
  zh: {
    'panel.fillTitle': '「{title}」需要补充以下内容：',
    'panel.setNamesInOptions': '在设置里填好店铺名、客服名，以后自动填入 ›',
    'panel.cutoffUnconfirmed': '店铺还没确认截单时间：请按本店实际的截单时间填写（例如 14:00），发货日按它算。',
    'panel.confirmCutoffInOptions': '在设置里确认截单时间，以后自动填入 ›',
    'panel.cutoffUnread': '没看懂截单时间“{value}”：请写成 14:00、14点 或 下午2点，发货日才能算出来。',
    'panel.unfilledWarning': '回复中还有未填写的占位符：{names}。确认要这样使用吗？',
    'panel.insert': '插入',
    'panel.insertAnyway': '仍然使用',
  },
  en: {
    'panel.fillTitle': '“{title}” needs these details:',
    'panel.setNamesInOptions': 'Set the shop and agent names in Options ›',
    'panel.cutoffUnconfirmed': 'The shop has not confirmed its shipping cut-off yet: type the real one (e.g. 14:00); the shipping day follows it.',
    'panel.confirmCutoffInOptions': 'Confirm the cut-off in Options to fill it in automatically ›',
    'panel.cutoffUnread': 'The cut-off “{value}” was not understood: write it like 14:00, 2pm or 2:30pm so the shipping day can be worked out.',
    'panel.unfilledWarning': 'The reply still has unfilled placeholders: {names}. Use it like this?',
    'panel.insert': 'Insert',
    'panel.insertAnyway': 'Use anyway',
  },
};
