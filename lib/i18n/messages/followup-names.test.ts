/**
 * A kind of follow-up has one name in each language, wherever the agent reads it: the panel's button
 * that adds it, and the popup, card and exports that list it (QA found the panel's "Asked, no order"
 * listed as "Asked, not ordered", and in Chinese 问了没拍 listed as 咨询未拍).
 */
import { describe, expect, it } from 'vitest';
import type { MessageBundle } from '../lookup';
import { followupsPanel } from './followups-panel';
import { followups } from './followups';

/** Every bundle under messages/, by file. */
const BUNDLES = Object.entries(import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true }))
  .flatMap(([file, mod]) =>
    Object.entries(mod)
      .filter((e): e is [string, MessageBundle] => typeof e[1] === 'object' && !!e[1] && 'zh' in e[1] && 'en' in e[1])
      .map(([name, bundle]) => ({ where: `${file} ${name}`, bundle })),
  );

/** The kinds' names as the list shows them: kind → { zh, en }. */
const KINDS = Object.keys(followups.zh)
  .filter((k) => k.startsWith('followups.kind.'))
  .map((k) => ({ kind: k.slice('followups.kind.'.length), zh: followups.zh[k]!, en: followups.en[k]! }));

describe('a follow-up kind’s name', () => {
  it('is the same on the panel’s buttons as in the list, in Chinese and in English', () => {
    // Button → the kind it adds (components/panel/FollowupActions.tsx).
    const made = { 'followups.panel.inquiry': 'inquiry', 'followups.panel.promised': 'promised-answer', 'followups.panel.badReview': 'bad-review' };
    for (const [button, kind] of Object.entries(made)) {
      const listed = KINDS.find((k) => k.kind === kind)!;
      expect({ button, zh: followupsPanel.zh[button], en: followupsPanel.en[button] }).toEqual({ button, zh: listed.zh, en: listed.en });
    }
  });

  /** Not a kind's name: 交接 is also the verb, on the popup's hand-over action (Hand over). */
  const HOMONYMS = new Set(['followups.action.handover']);

  it('is never a kind’s name in one language and another name in the other, in any string of the extension', () => {
    expect(BUNDLES.length).toBeGreaterThan(20);
    const twoWays: string[] = [];
    for (const { where, bundle } of BUNDLES) {
      for (const key of Object.keys(bundle.zh)) {
        const zh = bundle.zh[key];
        const en = bundle.en[key];
        if (typeof zh !== 'string' || typeof en !== 'string' || HOMONYMS.has(key)) continue;
        for (const k of KINDS) {
          if ((zh === k.zh) !== (en === k.en)) twoWays.push(`${where} ${key}: ${zh} / ${en} (the list: ${k.zh} / ${k.en})`);
        }
      }
    }
    expect(twoWays).toEqual([]);
  });
});
