import type { MessageBundle } from '../index';
import { outdatedPanel } from './outdated';

/**
 * Strings of the panel's suggestion part that come with the suggestion engine (the suggest feature
 * script, lib/panel/features.ts), not with the content script every console page loads: the panel
 * registers them when the engine is in, and shows them only from then on — a card's "why" line and
 * a chip's cue words need the ranking and the classifier, and "no fitting reply" needs the ranking
 * to have run.
 */
export const suggestPanelMessages: MessageBundle = {
  zh: {
    // A worker older than the page: the library notice's words (lib/panel/controller.ts reloadData), here, not in content.js.
    ...outdatedPanel.zh,
    // The shop spoke last: the basis is the round its reply answered (lib/domain/suggest/context.ts).
    'panel.basisAnswered': '店铺回复后买家还没有新消息 · 依据回复前的 {count} 条',
    // A round of several questions (components/panel/RoundNeeds.tsx): each one, then those no reply answered.
    'panel.needsAsked': '买家连问 {count} 件：',
    'panel.needsOpen': '还没答：',
    'panel.noneForSituation': '此情境下没有适合这位买家的话术，可搜索。',
    // Only pictures or cards since the shop's reply (lib/sites/dom.ts isWordless): nothing to read a need from.
    'panel.wordless': '买家发的是图片或卡片，助手读不出：请在聊天窗口查看。',
    // A reply the panel left in a chat box every buyer shares (lib/panel/draft-left-run.tsx: only the panel's insertion leaves one).
    'panel.draftLeft': '输入框里还有给{buyer}的草稿，不是给当前买家的',
    'panel.clearDraft': '清空',
    // Alt+R on a chat page (page-features/remark-enforcement.ts): the remark form is there only beside an open remark box.
    'panel.altRNoBox': 'Alt+R 用来写订单备注，但这个页面上没有打开的备注框：请先在订单页打开这个订单的备注框，再按 Alt+R。',
    // An insertion's bookkeeping the worker could not store (lib/panel/unsaved-picks.ts).
    'panel.unsaved': '学到的内容（回复的使用次数、你的选择）没能保存（{reason}）。已先记在本页，之后能保存时会自动补上（再插入回复或保存其他内容时）；补上之前请不要关闭本页。',
    'panel.unsavedSaved': '之前没能保存的使用次数和选择已补上。',
    'panel.unsavedGivenUp': '较早的一部分没能保存，已放弃。',
    'panel.reason.scenario': '匹配：{scenario}',
    'panel.reason.words': '与买家原话相近',
    'panel.reason.usage': '你在此场景常用',
    'panel.reason.segment': '适合该买家类型',
    'panel.reason.order': '根据订单状态',
    'panel.reason.learned': '你为类似消息选过',
    'panel.evidence.cues': '关键词：{words}',
    'panel.evidence.model': '模型判断 {p}',
    'panel.evidence.learned': '你为类似消息选过 {count} 次',
  },
  en: {
    ...outdatedPanel.en,
    'panel.basisAnswered': 'No buyer message since the shop’s last reply · based on the {count} before it',
    'panel.needsAsked': 'Buyer asked {count} things:',
    'panel.needsOpen': 'Not answered yet:',
    'panel.noneForSituation': 'No reply here fits this buyer; search instead.',
    'panel.wordless': 'The buyer sent a picture or card, which the helper cannot read: see it in the chat.',
    'panel.draftLeft': 'The chat box still holds a draft for {buyer}, not for this buyer',
    'panel.clearDraft': 'Clear',
    'panel.altRNoBox': 'Alt+R writes an order remark, but no remark box is open on this page: open the order’s remark box on the order page first, then press Alt+R.',
    'panel.unsaved': 'What was learned (the reply’s usage count, your pick) could not be saved ({reason}). It is kept on this page and saved as soon as saving works again (with the next reply inserted or anything else saved); keep this page open until then.',
    'panel.unsavedSaved': 'The usage counts and picks not saved before are saved now.',
    'panel.unsavedGivenUp': ' Some older ones could not be kept and were given up.',
    'panel.reason.scenario': 'Matches: {scenario}',
    'panel.reason.words': "Close to the buyer's words",
    'panel.reason.usage': 'You often use it here',
    'panel.reason.segment': 'Suits this buyer',
    'panel.reason.order': 'From the order status',
    'panel.reason.learned': 'You chose it for a similar message',
    'panel.evidence.cues': 'Cue words: {words}',
    'panel.evidence.model': 'Model: {p}',
    'panel.evidence.learned': 'You picked it {count}× for similar messages',
  },
};
