import type { ScenarioId } from '../scenarios';
import type { NoShipDays } from '../ship-days';

/** The states of an order the panel can read beside the chat (a closed order is left out). */
export const ORDER_STATUSES = ['unpaid', 'paid', 'shipped', 'refunding', 'completed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A reply script (话术). `body` may hold variables such as {买家} or {发货日}; see variables.ts. */
export interface Template {
  id: string;
  title: string;
  body: string;
  group: string;
  scenarios: ScenarioId[];
  /** Shortcut code typed as `/code` in the chat box; lowercase ascii letters/digits. */
  code?: string;
  /**
   * The order states this reply fits, for a reply that states a fact about the order (已发货,
   * 收到您的付款…): on a buyer none of whose orders is in one of them, ranking never suggests it
   * (search still finds it). Absent = any state; never empty.
   */
  orders?: OrderStatus[];
  /**
   * The shift this reply is written for (starter-shift.ts): 'day' = it promises someone who is on
   * only by day (主管/同事/仓库/电话 now, in minutes, today), so ranking puts it behind at night;
   * 'night' = written for the night shift, preferred at night. 'any' clears a starter copy's mark.
   * Absent = a starter copy's mark by id, else any hour.
   */
  shift?: TemplateShift;
}

export type TemplateShift = 'day' | 'night' | 'any';
export const TEMPLATE_SHIFTS: readonly TemplateShift[] = ['any', 'day', 'night'];

export interface TemplateLibrary {
  groups: string[];
  templates: Template[];
}

/** Shop-wide settings the agent edits in the options page. */
export interface ShopSettings {
  agentName: string;
  shopName: string;
  /** Daily shipping cut-off, 'HH:MM' local time: paid before it ships today, otherwise the next day. */
  cutoff: string;
  /** Weekdays and dates the shop does not ship (lib/domain/ship-days.ts); absent = it ships every day. */
  noShip?: NoShipDays;
  locale: 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: ShopSettings = {
  agentName: '',
  shopName: '',
  cutoff: '16:00',
  locale: 'zh-CN',
};
