import type { Template, TemplateShift } from './types';

/**
 * Starter replies that only hold while the day shift is on, or that are written for the night, by
 * stable id (starter.ts). Derived here rather than written into starter.ts so a stored copy from
 * before this list carries its mark with no library rewrite (as fit.ts keys its details). A copy
 * whose own `shift` was set in the editor keeps the agent's choice ('any' clears the mark).
 * - 'day': the reply promises a supervisor, a colleague, the warehouse or a call now, in minutes or
 *   today (请稍等几分钟, 主管上班时间会联系您, 已经提醒同事加急) — at night nobody of them is on, and
 *   at 23:40 "today" is twenty minutes; or it speaks of a daytime rush (咨询高峰). 上报主管 said 主管今天之内
 *   until 2026-12-07; its text is now true at any hour (夜里报上去的，第二天上午联系您), and it keeps the mark:
 *   at night a reply the agent can act on now comes first. So does 已催仓库, which said 今天优先处理 until
 *   the same day and now names the day it leaves in shop time ({发货日}).
 * - 'night': written for the night shift (夜班接待: the day shift follows up tomorrow).
 */
export const STARTER_SHIFT: Readonly<Record<string, 'day' | 'night'>> = {
  'welcome-busy': 'day',
  'welcome-night': 'night',
  'bargain-ask-supervisor': 'day',
  'delay-urged': 'day',
  'cancel-printed': 'day',
  'refund-progress': 'day',
  'quality-late': 'day',
  'complaint-escalate': 'day',
};

/** The shift a reply is written for (undefined: any hour): its own mark, else the starter's. */
export function shiftOfTemplate(t: Pick<Template, 'id' | 'shift'>): 'day' | 'night' | undefined {
  const own: TemplateShift | undefined = t.shift;
  if (own) return own === 'any' ? undefined : own;
  return Object.prototype.hasOwnProperty.call(STARTER_SHIFT, t.id) ? STARTER_SHIFT[t.id] : undefined;
}
