/**
 * What readDoc makes of colleagues' documents whose words are over the limits this machine's forms
 * keep, or carry invisible and direction characters, and of agents' proposals of the wrong shape
 * (found 2026-12-05: a 6,000-character name and a 100,000-character note filled the popup, and a proposal of the wrong shape broke the review; the server-backed shapes are in unreadable.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { readDoc } from './read-docs';
import { buyerId, eventId, followupId } from './docs';
import { customerKey, type Customer } from '../domain/customers';
import { limitLines, limitText } from '../domain/limit-text';
import { limitFollowup } from '../domain/followups/limit';
import { limitCustomer } from '../domain/customers/limit';
import type { Doc } from './pouch-types';
import type { Followup } from '../domain/followups';

const NOW = Date.UTC(2026, 11, 5, 3);
const doc = (x: Record<string, unknown>) => x as unknown as Doc;
const fuItem = (id: string, extra: Record<string, unknown> = {}) => ({
  v: 2, id, kind: 'manual', title: '回访', reason: '答应回电', createdAt: NOW, dueAt: NOW + 3_600_000, status: 'open', source: 'manual', ...extra,
});
const profile = (nickname: string, extra: Record<string, unknown> = {}) => ({
  v: 2, key: customerKey('demo', nickname), platform: 'demo', nickname, segment: 'new', tags: [], sizes: {}, preferences: '', addressNote: '', note: '',
  createdAt: NOW, updatedAt: NOW, orderIds: [], ...extra,
});
const reply = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: '换货运费', body: '亲，换货运费由我们承担', group: '售后', scenarios: ['other'], ...extra });
const proposal = (template: unknown, extra: Record<string, unknown> = {}) =>
  doc({ _id: 'proposal:小王:p1:01', _rev: '1-a', type: 'proposal', template, by: '小王', at: NOW, ...extra });

describe('text limits', () => {
  it('cuts to the limit with a mark, never splitting a surrogate pair; a log keeps whole lines from the first', () => {
    expect(limitText('abc', 3)).toBe('abc');
    expect(limitText('abcdef', 4)).toBe('abc…');
    expect(limitText('a😀😀', 3)).toBe('a…');
    expect(limitLines('一\n二', 500, 10)).toBe('一\n二');
    const log = limitLines(['记'.repeat(900), '短', ...Array(30).fill('长'.repeat(400))].join('\n'), 500, 10_000);
    expect(log.length).toBeLessThanOrEqual(10_000);
    expect(log.split('\n').every((l) => l.length <= 500)).toBe(true);
    expect(log.split('\n').slice(0, 2)).toEqual([`${'记'.repeat(499)}…`, '短']);
    expect(log.endsWith('\n…')).toBe(true);
  });

  it("a follow-up: the buyer's name normalised (invisible characters out, 64 at most), the words cut to the forms' limits", () => {
    const f = fuItem('x', { buyer: `\u200B小\u200B鹿${'鹿'.repeat(6_000)}`, title: '题'.repeat(1_000), note: '记'.repeat(100_000), closedReason: undefined }) as unknown as Followup;
    delete f.closedReason;
    const out = limitFollowup(f);
    expect([...out.buyer!]).toHaveLength(64);
    expect(out.buyer!.startsWith('小鹿鹿')).toBe(true);
    expect(out.title).toHaveLength(200);
    expect(out.note).toHaveLength(500);
    const fine = fuItem('y', { buyer: '小鹿', note: '打过电话' }) as unknown as Followup;
    expect(limitFollowup(fine)).toBe(fine);
    expect(limitFollowup({ ...fine, buyer: '\u200B' })).not.toHaveProperty('buyer');
  });

  it("a buyer's 备注, 偏好, 地址备注, tags and notes cut to LIMITS", () => {
    const c = limitCustomer({
      ...(profile('小鹿') as unknown as Customer),
      lastSeenAt: NOW,
      droppedEvents: 0,
      history: [{ id: 'e1', at: NOW, kind: 'note', text: '记'.repeat(100_000) }],
      note: '备'.repeat(100_000),
      preferences: '偏'.repeat(2_000),
      addressNote: '址'.repeat(900),
      tags: ['标'.repeat(50), ...Array.from({ length: 40 }, (_, i) => `t${i}`)],
    });
    expect([c.note.length, c.preferences.length, c.addressNote.length, c.history[0]!.text.length]).toEqual([5000, 1000, 500, 4000]);
    expect(c.tags).toHaveLength(30);
    expect(c.tags[0]).toHaveLength(20);
  });
});

describe('readDoc', () => {
  it("a colleague's follow-up arrives with its buyer name and words limited (a field of the wrong kind still makes it unreadable)", () => {
    const item = fuItem('long', { buyer: `长名${'名'.repeat(6_000)}`, note: '记'.repeat(100_000) });
    const read = readDoc('followups', doc({ _id: followupId('long'), _rev: '1-a', type: 'followup', item }), NOW);
    const got = read?.item as Followup;
    expect([...got.buyer!]).toHaveLength(64);
    expect(got.note).toHaveLength(500);
    expect(readDoc('followups', doc({ _id: followupId('bad'), type: 'followup', item: fuItem('bad', { dueAt: null, status: 'weird' }) }), NOW)).toBeNull();
  });

  it("a colleague's buyer: a 100,000-character 备注 and note cut; a name that is a number, or a creation time that is text, unreadable", () => {
    const p = readDoc('buyers', doc({ _id: buyerId(customerKey('demo', '小鹿')), type: 'buyer', customer: profile('小鹿', { note: '备'.repeat(100_000) }) }), NOW);
    expect((p?.customer as { note: string }).note).toHaveLength(5000);
    const key = customerKey('demo', '小鹿');
    const ev = readDoc('buyers', doc({ _id: eventId(key, 'e1'), type: 'event', key, by: 'a2', event: { id: 'e1', at: NOW, kind: 'note', text: '记'.repeat(100_000) } }), NOW);
    expect((ev?.event as { text: string }).text).toHaveLength(4000);
    expect(readDoc('buyers', doc({ _id: 'buyer:demo:12345', type: 'buyer', customer: { ...profile('12345'), nickname: 12345 } }), NOW)).toBeNull();
    expect(readDoc('buyers', doc({ _id: buyerId(customerKey('demo', '阿猫')), type: 'buyer', customer: profile('阿猫', { createdAt: '2026-12-05' }) }), NOW)).toBeNull();
    // A 6,000-character name is not the name its key was made from: unreadable, not stored under a second key.
    const long = `长${'名'.repeat(6_000)}`;
    expect(readDoc('buyers', doc({ _id: `buyer:demo:${long}`, type: 'buyer', customer: { ...profile('x'), key: `demo:${long}`, nickname: long } }), NOW)).toBeNull();
  });

  it("an agent's proposal is read only with a reply the library would take, a name, a time and a decision of the right shape", () => {
    expect(readDoc('library', proposal(reply('p1')), NOW)?.template).toMatchObject({ id: 'p1', title: '换货运费' });
    for (const [what, d] of [
      ['no reply', proposal(null)],
      ['a title that is a number', proposal(reply('p1', { title: 12345 }))],
      ['no title', proposal(reply('p1', { title: undefined }))],
      ['a 100,000-character body', proposal(reply('p1', { body: '长'.repeat(100_000) }))],
      ['a name that is a number', proposal(reply('p1'), { by: 42 })],
      ['no time', proposal(reply('p1'), { at: 'today' })],
      ['a decision that is text', proposal(reply('p1'), { decision: 'yes' })],
      ['a decision without who', proposal(reply('p1'), { decision: { accepted: true, at: NOW } })],
    ] as const) expect(readDoc('library', d, NOW), what).toBeNull();
    const decided = readDoc('library', proposal(reply('p1'), { decision: { accepted: false, by: '店长', at: NOW, reason: '理'.repeat(1_000) } }), NOW);
    expect((decided?.decision as { reason: string }).reason).toHaveLength(200);
  });
});
