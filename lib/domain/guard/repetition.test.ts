import { describe, expect, it } from 'vitest';
import { RepeatLog } from './repetition';

const MIN = 60_000;

describe('RepeatLog', () => {
  it('flags the third identical reply within ten minutes in one conversation', () => {
    const log = new RepeatLog();
    log.record('pdd:a', '亲，在的～', 0);
    expect(log.check('pdd:a', '亲，在的～', MIN)).toBeNull();
    log.record('pdd:a', '亲，在的～', MIN);
    const f = log.check('pdd:a', '亲，在 的～', 2 * MIN);
    expect(f).toMatchObject({ category: 'repetition', severity: 'warn' });
    expect(f!.reason.zh).toContain('2次');
  });

  it('does not count other conversations, other text, or insertions older than ten minutes', () => {
    const log = new RepeatLog();
    log.record('pdd:a', '好的', 0);
    log.record('pdd:a', '好的', MIN);
    expect(log.check('pdd:b', '好的', 2 * MIN)).toBeNull();
    expect(log.check('pdd:a', '好的呀', 2 * MIN)).toBeNull();
    expect(log.check('pdd:a', '好的', 10 * MIN + 1)).toBeNull();
  });
});
