import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALONE_WAIT_MS, deleted, inTurn, onAlone, shared } from './turn';
import { WAIT_KEY } from '../storage/whole-run';

// storage.session as the worker has it: the wait mark the buyer card reads.
const session = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../browser', () => ({
  browser: { storage: { session: { set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)) } } },
}));

/** A piece of work that ends only when told to. */
function held() {
  let end!: () => void;
  const ended = new Promise<void>((r) => (end = r));
  return { end, run: () => ended };
}

/** What a promise has come to so far: its value, its error, or still 'waiting'. */
function watch<T>(p: Promise<T>): { state: 'waiting' | 'done' | 'refused'; value?: T; error?: unknown } {
  const w: ReturnType<typeof watch<T>> = { state: 'waiting' };
  p.then(
    (value) => Object.assign(w, { state: 'done', value }),
    (error) => Object.assign(w, { state: 'refused', error }),
  );
  return w;
}

describe('the whole-data lock (turn.ts)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refuses a whole-data verb that waited a minute for work that never ends, without running it', async () => {
    const stuck = held();
    void shared(stuck.run);
    const wipe = vi.fn(async () => 'wiped');
    const w = watch(inTurn(true, wipe));
    await vi.advanceTimersByTimeAsync(ALONE_WAIT_MS - 1000);
    // A big import in another tab takes seconds: a minute is not cut short.
    expect(w.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.state).toBe('refused');
    expect(w.error).toMatchObject({ code: 'busy' });
    expect(wipe).not.toHaveBeenCalled();
    // Once that work has ended, asking again runs it.
    stuck.end();
    expect(await inTurn(true, wipe)).toBe('wiped');
  });

  it('runs a whole-data verb as soon as the work before it ends, and what comes later after it', async () => {
    const job = held();
    const order: string[] = [];
    void shared(job.run).then(() => order.push('job'));
    const wipe = inTurn(true, async () => void order.push('wipe'));
    const later = shared(async () => void order.push('later'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(order).toEqual([]);
    job.end();
    await Promise.all([wipe, later]);
    expect(order).toEqual(['job', 'wipe', 'later']);
  });

  it('keeps later work waiting for a whole-data verb still running when the next one was refused', async () => {
    const firstWipe = held();
    const first = watch(inTurn(true, firstWipe.run));
    const second = watch(inTurn(true, async () => 'second'));
    const note = vi.fn(async () => 'note');
    const w = watch(shared(note));
    await vi.advanceTimersByTimeAsync(ALONE_WAIT_MS + 1000);
    expect(second.state).toBe('refused');
    // The first deletion is still rewriting the stores: a note saved now would land in the middle.
    expect(note).not.toHaveBeenCalled();
    firstWipe.end();
    await vi.advanceTimersByTimeAsync(0);
    expect([first.state, w.state, w.value]).toEqual(['done', 'done', 'note']);
  });

  it('answers an ordinary verb behind a whole-data verb that never ends after a minute, without running it; a scheduled job waits on', async () => {
    const stuckWipe = held();
    void inTurn(true, stuckWipe.run);
    const save = vi.fn(async () => 'saved');
    const job = vi.fn(async () => 'backed up');
    const w = watch(inTurn(false, save));
    const j = watch(shared(job));
    await vi.advanceTimersByTimeAsync(ALONE_WAIT_MS - 1000);
    expect(w.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.state).toBe('refused');
    expect(w.error).toMatchObject({ code: 'waiting' });
    expect(save).not.toHaveBeenCalled();
    // The job is no page's call: nobody waits for its answer, and it must not run in the middle.
    expect(j.state).toBe('waiting');
    stuckWipe.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(j.state).toBe('done');
    // Asked again, it runs.
    expect(await inTurn(false, save)).toBe('saved');
  });

  it('runs an ordinary verb at once with no whole-data verb about, and after a whole-data verb that ends in time', async () => {
    expect(await inTurn(false, async () => 'read')).toBe('read');
    const wipe = held();
    void inTurn(true, wipe.run);
    const w = watch(inTurn(false, async () => 'saved'));
    await vi.advanceTimersByTimeAsync(5000);
    wipe.end();
    await vi.advanceTimersByTimeAsync(0);
    expect([w.state, w.value]).toEqual(['done', 'saved']);
  });

  it('lets work that only waits on the network give up when a whole-data verb arrives: the verb runs at once, what the work starts again runs after it', async () => {
    const order: string[] = [];
    // An unasked team round waiting on a server that never answers (lib/background/team.ts).
    const round = held();
    void shared(round.run).then(() => order.push('round cut'));
    onAlone(() => {
      order.push('cut');
      round.end();
      void shared(async () => void order.push('round again'));
    });
    try {
      const wipe = watch(inTurn(true, async () => void order.push('wipe')));
      await vi.advanceTimersByTimeAsync(0);
      expect(wipe.state).toBe('done');
      await vi.advanceTimersByTimeAsync(0);
      expect(order).toEqual(['cut', 'round cut', 'wipe', 'round again']);
    } finally {
      onAlone(() => {});
    }
  });

  it('refuses a write that waited behind 删除全部数据, without running it; a read behind it and a write after it run', async () => {
    const stuck = held();
    void shared(stuck.run);
    const wipe = held();
    const deletion = watch(inTurn('delete', wipe.run));
    // Typed before the deletion ran: a note while it still waits for the work before it, a pick while it runs.
    const note = vi.fn(async () => 'note saved');
    const n = watch(inTurn(false, note, 0, true));
    const read = watch(inTurn(false, async () => 'read'));
    stuck.end();
    await vi.advanceTimersByTimeAsync(0);
    const pick = vi.fn(async () => 'pick saved');
    const p = watch(inTurn(false, pick, 0, true));
    wipe.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(deletion.state).toBe('done');
    expect([n.state, p.state]).toEqual(['refused', 'refused']);
    expect(n.error).toMatchObject({ code: 'deleted' });
    expect(p.error).toMatchObject({ code: 'deleted' });
    expect([note, pick].map((f) => f.mock.calls.length)).toEqual([0, 0]);
    expect([read.state, read.value]).toEqual(['done', 'read']);
    // Saved again after the deletion, it is.
    expect(await inTurn(false, note, 0, true)).toBe('note saved');
  });

  it('refuses a write queued behind the start finishing a cut-off 删除全部数据, as behind the live one; a write after it runs', async () => {
    const mark = held();
    // The start's finishing (handlers/data.ts finishCutOff) knows it is a deletion only once its mark is read.
    const finishing = watch(inTurn(true, async () => (await mark.run(), deleted(), 'finished')));
    const note = vi.fn(async () => 'note saved');
    const n = watch(inTurn(false, note, 0, true));
    mark.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(finishing.state).toBe('done');
    expect(n.state).toBe('refused');
    expect(n.error).toMatchObject({ code: 'deleted' });
    expect(note).not.toHaveBeenCalled();
    expect(await inTurn(false, note, 0, true)).toBe('note saved');
    // A start that finished an import (no deletion) lets what waited behind it write.
    const load = held();
    void inTurn(true, load.run);
    const pick = watch(inTurn(false, async () => 'pick saved', 0, true));
    load.end();
    await vi.advanceTimersByTimeAsync(0);
    expect([pick.state, pick.value]).toEqual(['done', 'pick saved']);
  });

  it('writes what waited behind a 删除全部数据 that was refused (nothing was deleted), and behind an import', async () => {
    const stuck = held();
    void shared(stuck.run);
    const deletion = watch(inTurn('delete', async () => 'wiped'));
    const note = watch(inTurn(false, async () => 'note saved', 0, true));
    await vi.advanceTimersByTimeAsync(ALONE_WAIT_MS);
    expect(deletion.state).toBe('refused');
    stuck.end();
    await vi.advanceTimersByTimeAsync(0);
    expect([note.state, note.value]).toEqual(['done', 'note saved']);
    const load = held();
    void inTurn('import', load.run);
    const pick = watch(inTurn(false, async () => 'pick saved', 0, true));
    load.end();
    await vi.advanceTimersByTimeAsync(0);
    expect([pick.state, pick.value]).toEqual(['done', 'pick saved']);
  });

  it('marks a whole-data verb in storage.session from the moment it waits until it ends, the first still unsettled one', async () => {
    session.clear();
    const stuck = held();
    void shared(stuck.run);
    const wipe = held();
    void inTurn('delete', wipe.run);
    await vi.advanceTimersByTimeAsync(0);
    // Still waiting for the stuck work: the buyer card can already say all data is being deleted.
    expect(session.get(WAIT_KEY)).toBe('delete');
    const load = held();
    void inTurn('import', load.run);
    stuck.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.get(WAIT_KEY)).toBe('delete');
    wipe.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.get(WAIT_KEY)).toBe('import');
    load.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.get(WAIT_KEY)).toBe(null);
    // The start's own finishing of a cut-off verb marks nothing.
    session.clear();
    await inTurn(true, async () => 0);
    expect(session.has(WAIT_KEY)).toBe(false);
  });
});
