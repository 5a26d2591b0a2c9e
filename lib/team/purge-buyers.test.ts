import { afterEach, describe, expect, it, vi } from 'vitest';
import { purgeDeletedBuyers, ProvisionError } from './provision';

const admin = { url: 'https://couch.example', user: 'admin', password: 'pw' };

/** A CouchDB 3 stand-in: answers the buyers database's changes feed and records each `_purge`. */
function couch(results: unknown[], purgeStatus = 201) {
  const purged: Record<string, string[]>[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname + new URL(url).search;
    if (init.method === 'GET' && path.startsWith('/kf-myshop-buyers/_changes?style=all_docs')) return new Response(JSON.stringify({ results, last_seq: '9' }), { status: 200 });
    if (init.method === 'POST' && path === '/kf-myshop-buyers/_purge') {
      purged.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(purgeStatus === 201 ? { purge_seq: null, purged: {} } : { error: 'bad_request', reason: 'only_multipart_accepted' }), { status: purgeStatus });
    }
    return new Response('{"error":"not_found"}', { status: 404 });
  });
  return purged;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('purge: tombstones of deleted buyers (their ids name the buyer)', () => {
  it("purges every leaf of a deleted profile or note, and nothing live, nor the deletion records", async () => {
    const purged = couch([
      { id: 'buyer:demo:张小花2024', deleted: true, changes: [{ rev: '3-a' }, { rev: '2-b' }] },
      { id: 'ev:demo:张小花2024:e1', deleted: true, changes: [{ rev: '2-c' }] },
      { id: 'buyer:demo:王大锤', changes: [{ rev: '1-d' }] },
      { id: 'ev:demo:王大锤:e2', changes: [{ rev: '1-e' }] },
      { id: 'del:h:00ff', changes: [{ rev: '1-f' }] },
      { id: 'del:buyer:demo:老记录', deleted: true, changes: [{ rev: '2-g' }] },
    ]);
    expect(await purgeDeletedBuyers(admin, 'myshop')).toEqual(['removed 2 deleted buyer documents (profiles and notes, their ids name the buyer) from kf-myshop-buyers']);
    expect(purged).toEqual([{ 'buyer:demo:张小花2024': ['3-a', '2-b'], 'ev:demo:张小花2024:e1': ['2-c'] }]);
  });

  it('sends at most 100 documents per request, and nothing when there is nothing to purge', async () => {
    const many = Array.from({ length: 230 }, (_, i) => ({ id: `ev:demo:某人:${i}`, deleted: true, changes: [{ rev: `2-${i}` }] }));
    const purged = couch(many);
    await purgeDeletedBuyers(admin, 'myshop');
    expect(purged.map((p) => Object.keys(p).length)).toEqual([100, 100, 30]);
    const none = couch([{ id: 'buyer:demo:王大锤', changes: [{ rev: '1-d' }] }]);
    expect(await purgeDeletedBuyers(admin, 'myshop')).toEqual([]);
    expect(none).toEqual([]);
  });

  it('a server without _purge is named, and the buyers it leaves counted', async () => {
    couch([{ id: 'buyer:demo:张小花2024', deleted: true, changes: [{ rev: '2-b' }] }], 400);
    const err = await purgeDeletedBuyers(admin, 'myshop').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionError);
    expect((err as Error).message).toMatch(/did not purge 1 deleted buyer documents in kf-myshop-buyers .*_purge/);
  });
});
