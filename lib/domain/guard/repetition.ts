/**
 * The same reply inserted again and again in one conversation looks like spam to the platforms
 * (some consoles refuse it). `RepeatLog` remembers what was inserted where, in memory only.
 */
import { normalise } from './normalize';
import type { GuardFinding } from './types';

export const REPEAT_WINDOW_MS = 10 * 60_000;
/** The third identical insertion within the window is flagged. */
export const REPEAT_LIMIT = 3;

export class RepeatLog {
  private readonly seen = new Map<string, number[]>();

  private key(conversation: string, text: string): string {
    return `${conversation}\u0000${normalise(text).text}`;
  }

  /** A finding when inserting `text` now would be the third identical one in ten minutes. */
  check(conversation: string, text: string, now: number): GuardFinding | null {
    const times = (this.seen.get(this.key(conversation, text)) ?? []).filter((t) => now - t < REPEAT_WINDOW_MS);
    if (times.length < REPEAT_LIMIT - 1) return null;
    const words = text.length > 20 ? `${text.slice(0, 20)}…` : text;
    return {
      ruleId: 'repeat',
      category: 'repetition',
      severity: 'warn',
      words,
      start: 0,
      end: text.length,
      label: { zh: '重复发送同一句', en: 'The same reply again' },
      reason: {
        zh: `这句话10分钟内已经插入过${times.length}次，平台可能当作刷屏；换个说法或补充具体信息。`,
        en: `This reply was inserted ${times.length} times in the last 10 minutes; platforms may treat it as spam. Vary it or add specifics.`,
      },
      canRewrite: false,
    };
  }

  record(conversation: string, text: string, now: number): void {
    const key = this.key(conversation, text);
    const times = (this.seen.get(key) ?? []).filter((t) => now - t < REPEAT_WINDOW_MS);
    times.push(now);
    this.seen.set(key, times);
    if (this.seen.size > 500) this.prune(now);
  }

  private prune(now: number): void {
    for (const [k, times] of this.seen) if (!times.some((t) => now - t < REPEAT_WINDOW_MS)) this.seen.delete(k);
  }
}
