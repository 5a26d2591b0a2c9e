import type { MessageBundle } from '../index';

/**
 * A verb the worker answered after a minute behind 删除全部数据 / 导入全部数据 / 恢复 that had not
 * ended (lib/messaging/turn.ts, code `waiting`), or a write refused because 删除全部数据 ran while
 * it waited (`deleted`). Registered by reason.ts, which every page or
 * feature that words a failed call imports: the in-page panel's own script (content.js, with a
 * size budget) never words one.
 */
export const wholeDataWait: MessageBundle = {
  zh: {
    'error.waiting': '客服助手正忙于删除、导入或恢复全部数据，请稍后再试',
    // A write that waited behind 删除全部数据 is not made after it (code `deleted`).
    'error.deleted': '全部数据已在此期间删除，这次没有保存；需要的话请再操作一次',
  },
  en: {
    'error.waiting': 'the assistant is busy deleting, importing or restoring all data; try again shortly',
    'error.deleted': 'all data was deleted meanwhile, so this was not saved; do it again if you need it',
  },
};
