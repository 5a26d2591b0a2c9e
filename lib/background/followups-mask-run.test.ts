import { describe, expect, it } from 'vitest';
import { maskedFollowupEntries } from './followups-mask-run';

const AT = Date.UTC(2026, 11, 6, 2, 0);
const PHONE = '13812345678';

// Stored the old way: by the version before a to-do's typed buyer was masked (v2), and by one before
// buyer ids (v1); a page item whose console nickname is a phone number; a record nothing can read.
const todoV2 = { v: 2, id: 'manual:a', kind: 'manual', title: '回电话', reason: '手动添加的待办', buyer: PHONE, createdAt: AT, dueAt: AT, status: 'open', source: 'manual' };
const handoverV1 = { v: 1, id: 'handover:b', kind: 'handover', title: '交接', reason: '', buyer: ` ${PHONE} `, createdAt: AT, dueAt: AT, status: 'done', closedAt: AT, source: 'manual', handover: true };
const unpaid = { v: 2, id: 'unpaid:1', kind: 'unpaid', title: `拍下未付：${PHONE}`, reason: '', buyer: PHONE, orderId: '1', createdAt: AT, dueAt: AT, status: 'open', source: 'order' };
const broken = { v: 2, id: 'manual:c', kind: 'no-such-kind', buyer: PHONE };

describe('follow-ups stored before a typed buyer was masked (a snapshot’s, any stored version)', () => {
  const entries = (): [string, unknown][] => [[todoV2.id, todoV2], [handoverV1.id, handoverV1], [unpaid.id, unpaid], ['broken', broken]];

  it('masks a to-do’s and a handover’s buyer, in the current shape, and keeps a page buyer’s nickname and a record it cannot read', () => {
    const out = new Map(maskedFollowupEntries(entries(), AT));
    expect(out.get(todoV2.id)).toMatchObject({ v: 2, buyer: '138****5678', status: 'open' });
    expect(out.get(handoverV1.id)).toMatchObject({ v: 2, buyer: '138****5678', status: 'done', closedAt: AT, handover: true });
    // The page's buyer is the key the buyer's items are found by: as the console shows it.
    expect((out.get(unpaid.id) as { buyer: string }).buyer).toBe(PHONE);
    expect(out.get('broken')).toBe(broken);
  });

  it('is idempotent: a second run changes nothing and hands back the very list', () => {
    const once = maskedFollowupEntries(entries(), AT);
    const twice = maskedFollowupEntries(once, AT + 1);
    expect(twice).toBe(once);
    const clean: [string, unknown][] = [['broken', broken], [todoV2.id, { ...todoV2, buyer: '小鹿' }]];
    expect(maskedFollowupEntries(clean, AT)).toBe(clean);
  });
});
