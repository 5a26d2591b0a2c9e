import { describe, expect, it } from 'vitest';
import { buildTemplateIndex } from './template-index';
import { classify } from './classify';
import { rankTemplates, type RankInput } from './rank';
import { STARTER_LIBRARY } from '../templates/starter';
import { shiftOfTemplate, STARTER_SHIFT } from '../templates/starter-shift';
import type { Template } from '../templates/types';

/** Beijing wall time on 2026-12-05 (h may pass 24: the small hours of the next day). */
const bj = (h: number, m = 0) => Date.UTC(2026, 11, 5, h - 8, m);
const HOURS = { start: '08:00', end: '20:00' };
const shop = (extra: Partial<NonNullable<RankInput['shop']>> = {}): NonNullable<RankInput['shop']> => ({ cutoff: '16:00', zone: 480, dayShift: HOURS, ...extra });
const starter = buildTemplateIndex(STARTER_LIBRARY.templates);
const ids = (text: string, now: number, s: RankInput['shop'] = shop(), index = starter) =>
  rankTemplates(index, { classification: classify([text]), text, now, shop: s }, 3).map((r) => r.template.id);

describe('replies at night, outside the day shift', () => {
  it('does not lead a price plea at 00:20 with going to ask the supervisor in a few minutes', () => {
    const night = ids('再便宜六十块吧，不行叫你们领导来', bj(24, 20));
    expect(night[0]).not.toBe('bargain-ask-supervisor');
    expect(night.indexOf('bargain-ask-supervisor')).not.toBe(0);
  });

  it('keeps the day order of a price plea at 10:00', () => {
    const text = '再便宜六十块吧，不行叫你们领导来';
    expect(ids(text, bj(10))).toEqual(ids(text, bj(10), undefined));
    expect(ids(text, bj(10))[0]).toBe('bargain-ask-supervisor');
  });

  it('does not promise that the supervisor calls today to a complaint at 23:40', () => {
    const text = '你们这服务太差了我要投诉';
    const day = ids(text, bj(10));
    expect(day.indexOf('complaint-escalate')).toBeLessThan(day.indexOf('complaint-resolve-first'));
    const night = ids(text, bj(23, 40));
    expect(night).toContain('complaint-resolve-first');
    const escalate = night.indexOf('complaint-escalate');
    expect(escalate === -1 || escalate > night.indexOf('complaint-resolve-first')).toBe(true);
  });

  it('greets with the night reception at night and not with the daytime rush', () => {
    const night = ids('你好，在不在呀', bj(26));
    expect(night[0]).toBe('welcome-night');
    expect(night).not.toContain('welcome-busy');
    const day = ids('你好，在不在呀', bj(14));
    expect(day).not.toContain('welcome-night');
  });

  it('follows a shop whose day shift runs late (10:00–23:00): 22:00 is still day', () => {
    expect(ids('你好，在不在呀', bj(22), shop({ dayShift: { start: '10:00', end: '23:00' } }))[0]).not.toBe('welcome-night');
    expect(ids('你好，在不在呀', bj(23, 30), shop({ dayShift: { start: '10:00', end: '23:00' } }))[0]).toBe('welcome-night');
  });

  it("takes the agent's chosen shift in team mode over the clock", () => {
    expect(ids('你好，在不在呀', bj(14), shop({ shift: 'night' }))[0]).toBe('welcome-night');
    expect(ids('你好，在不在呀', bj(25), shop({ shift: 'day' }))).not.toContain('welcome-night');
  });

  it("reads the mark on the shop's own replies, by day leaving them in library order", () => {
    const own: Template[] = [
      { id: 'mine-1', title: '找店长', body: '这个价格我做不了主，我现在就去问店长，十分钟内回您', group: '议价', scenarios: ['bargain'], shift: 'day' },
      { id: 'mine-2', title: '价格说明', body: '我们家一直是这个价，质量有保证的', group: '议价', scenarios: ['bargain'] },
    ];
    const index = buildTemplateIndex(own);
    expect(ids('能少一百吗', bj(11), shop(), index)).toEqual(['mine-1', 'mine-2']);
    expect(ids('能少一百吗', bj(21), shop(), index)).toEqual(['mine-2', 'mine-1']);
  });

  it("lets an agent clear a starter copy's mark ('any')", () => {
    const copy = { ...STARTER_LIBRARY.templates.find((t) => t.id === 'bargain-ask-supervisor')!, shift: 'any' as const };
    expect(shiftOfTemplate(copy)).toBeUndefined();
    expect(shiftOfTemplate({ id: 'bargain-ask-supervisor' })).toBe('day');
  });

  it('marks only starter replies that exist', () => {
    const starterIds = new Set(STARTER_LIBRARY.templates.map((t) => t.id));
    for (const id of Object.keys(STARTER_SHIFT)) expect(starterIds.has(id)).toBe(true);
  });
});
