import { describe, expect, it } from 'vitest';
import { CallError } from './client';
import { MAX_TRIES, worthRetrying } from './retry';

describe('worthRetrying: what a page keeps after a failed write', () => {
  it('keeps a record the full disk refused, however often it failed', () => {
    expect(worthRetrying(new CallError('quota', 'QuotaExceededError'), 1)).toBe(true);
    expect(worthRetrying(new CallError('quota', 'QuotaExceededError'), 500)).toBe(true);
  });

  it('keeps what an insertion teaches while the worker is busy with a whole-data verb, however long it takes', () => {
    expect(worthRetrying(new CallError('waiting', 'stuck work'), MAX_TRIES + 5)).toBe(true);
  });

  it('gives up at once on a record made before 删除全部数据 and refused after it (the agent asked for everything gone)', () => {
    expect(worthRetrying(new CallError('deleted', 'deleted'), 1)).toBe(false);
  });

  it('gives up at once on a record the worker refused (it would be refused the same way every time)', () => {
    for (const code of ['invalid', 'missing-field', 'forbidden']) expect(worthRetrying(new CallError(code, 'no'), 1)).toBe(false);
  });

  it(`tries any other failure ${MAX_TRIES} times in all`, () => {
    for (const err of [new CallError('unavailable', 'no reply'), new CallError('aborted', 'x'), new CallError('unknown', 'x'), new Error('boom')]) {
      expect(worthRetrying(err, MAX_TRIES - 1)).toBe(true);
      expect(worthRetrying(err, MAX_TRIES)).toBe(false);
    }
  });
});
