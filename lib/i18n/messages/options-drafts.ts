import type { MessageBundle } from '../index';

/**
 * The options page's forms while they hold unsaved edits (components/options/useDraft.ts,
 * ChangedElsewhere.tsx), and the form checks added with them.
 */
export const optionsDrafts: MessageBundle = {
  zh: {
    'drafts.tabUnsaved': '（有未保存的修改）',
    'drafts.settings': '这些设置',
    'drafts.rules': '备注规则',
    'drafts.elsewhere': '{what}刚在别处被修改并保存了（另一个设置页面，或网页上的助手面板）。你在这里的修改还没有保存，仍保留在下面。',
    'drafts.fields': '别处改动的项：{fields}',
    'drafts.load': '载入新版本（放弃我的修改）',
    'drafts.merge': '合并：我改过的项保留，其余用新版本',
    'drafts.keep': '保留我的修改（保存时覆盖别处的修改）',
    'drafts.wouldOverwrite': '没有保存：这样保存会覆盖别处刚保存的修改。请先在上方选择怎么处理。',
    'followups.options.zeroShift': '没有保存：白班的开始和结束是同一个时间（{time}）。店里全天都是白班、没有夜班的，请勾选“全天白班（没有夜班）”；否则请把“白班结束”改成另一个时间。',
  },
  en: {
    'drafts.tabUnsaved': ' (unsaved changes)',
    'drafts.settings': 'These settings',
    'drafts.rules': 'The remark rules',
    'drafts.elsewhere': '{what} were just changed and saved elsewhere (another options page, or the helper panel on a web page). Your edits here are not saved yet and are still below.',
    'drafts.fields': 'Changed there: {fields}',
    'drafts.load': 'Load the new version (drop my edits)',
    'drafts.merge': 'Merge: keep what I changed, take the rest from the new version',
    'drafts.keep': 'Keep my edits (saving replaces the other change)',
    'drafts.wouldOverwrite': 'Not saved: this would overwrite a change just saved elsewhere. Choose above what to do first.',
    'followups.options.zeroShift': 'Not saved: the day shift starts and ends at the same time ({time}). If the shop has a day shift all day and no night shift, tick “Day shift all day (no night shift)”; otherwise set “Day shift ends” to another time.',
  },
};
