import type { MessageBundle } from '../index';

/**
 * The fill-in form (components/FillPrompt.tsx: a reply's {尺码?}, {单号?} asked before it goes in):
 * loaded with the suggest feature script, which draws the form, not the content script.
 */
export const fillPromptMessages: MessageBundle = {
  zh: {
    'panel.fillTitle': '「{title}」需要补充以下内容：',
    'panel.setNamesInOptions': '在设置里填好店铺名、客服名，以后自动填入 ›',
    'panel.unfilledWarning': '回复中还有未填写的占位符：{names}。确认要这样使用吗？',
    'panel.insert': '插入',
    'panel.insertAnyway': '仍然使用',
  },
  en: {
    'panel.fillTitle': '“{title}” needs these details:',
    'panel.setNamesInOptions': 'Set the shop and agent names in Options ›',
    'panel.unfilledWarning': 'The reply still has unfilled placeholders: {names}. Use it like this?',
    'panel.insert': 'Insert',
    'panel.insertAnyway': 'Use anyway',
  },
};
