import type { MessageBundle } from '../index';

/**
 * A verb the worker answered after a minute behind 删除全部数据 / 导入全部数据 / 恢复 that had not
 * ended (lib/messaging/turn.ts, code `waiting`). Registered by reason.ts, which every page or
 * feature that words a failed call imports: the in-page panel's own script (content.js, with a
 * size budget) never words one.
 */
export const wholeDataWait: MessageBundle = {
  zh: { 'error.waiting': '客服助手正忙于删除、导入或恢复全部数据，请稍后再试' },
  en: { 'error.waiting': 'the assistant is busy deleting, importing or restoring all data; try again shortly' },
};
