/**
 * Plain buyer messages an agent sees every hour, written for this project in our own words (not
 * evaluation data), after the keyboard walk of 2026-12-06 on the demo console found three of them
 * wrong: a message with several needs (有现货吗 今天能发吗 发顺丰可以吗) had no stock card beside a paid
 * order and put 到货时间 before 发货时间; a size exchange (L码大了想换个M码) had 质量问题请拍照 among its
 * cards; a thanks (谢谢亲) had a welcome among its cards (夜班接待 at night, 新客欢迎 by day beside a
 * shipped order). Each case: the orders beside the chat, the Beijing hour (default 14:00, inside the
 * default 08:00–20:00 day shift), and what the agent expects: `first` (acceptable at Alt+1), `top3`
 * (each group: one of its replies among the three cards), `never` (none of these among the cards).
 * plain-walk.test.ts runs them through the panel's path.
 */
import type { OrderStatus } from '../templates/types';

export interface WalkCase {
  text: string;
  orders: OrderStatus[];
  /** Beijing wall-clock hour (may pass 24: the small hours of the next day). */
  at?: number;
  first?: string[];
  top3?: string[][];
  never?: string[];
}

const c = (text: string, orders: OrderStatus[], expect: Omit<WalkCase, 'text' | 'orders'>): WalkCase => ({ text, orders, ...expect });

/** The three messages of the walk, as found. */
export const WALK_FOUND: WalkCase[] = [
  c('有现货吗 今天能发吗 发顺丰可以吗', ['paid'], { top3: [['stock-available', 'stock-low'], ['ship-time'], ['courier-sf']], never: ['ship-arrival'] }),
  c('L码大了想换个M码', ['completed'], { first: ['exchange-how'], never: ['quality-photos', 'quality-options'] }),
  c('谢谢亲', ['shipped'], { first: ['bye-welcome'], never: ['welcome-night', 'welcome-new', 'welcome-busy', 'welcome-returning'] }),
  c('谢谢亲', [], { at: 23, first: ['bye-welcome'], never: ['welcome-night', 'welcome-new', 'welcome-busy', 'welcome-returning'] }),
];
