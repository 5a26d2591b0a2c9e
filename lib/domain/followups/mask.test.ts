import { describe, expect, it } from 'vitest';
import { maskFollowup } from './mask';
import { manualFollowup, panelFollowup } from './rules';

const AT = Date.UTC(2026, 11, 6, 2, 0);

describe('a follow-up arriving as a record (a colleague’s, an imported file)', () => {
  it('is stored with the phone in its typed texts and a to-do’s typed buyer masked', () => {
    const todo = { ...manualFollowup({ title: '回电 13812345678', buyer: '13912345678' }, AT, {}), note: '晚上打 13712345678' };
    const m = maskFollowup(todo);
    expect(m).toMatchObject({ title: '回电 138****5678', buyer: '139****5678', note: '晚上打 137****5678' });
    for (const phone of ['13812345678', '13912345678', '13712345678']) expect(JSON.stringify(m)).not.toContain(phone);
  });

  it('keeps a page buyer’s nickname as the console shows it: it is the key the buyer’s items are found by', () => {
    const inquiry = panelFollowup('inquiry', 'tb13812345678', AT, {});
    expect(maskFollowup(inquiry).buyer).toBe('tb13812345678');
  });
});
