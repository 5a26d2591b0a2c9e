/**
 * The chat panel's library comes without its pinyin initials; they follow in a message of their own.
 * Whenever they arrive, a search gives the agent exactly the hits of the full index: a search in
 * letters (zxgf, /cf) typed before they are in waits for them, one in characters does not.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { STARTER_LIBRARY } from '../domain/templates/starter';
import { initialsFor } from '../domain/suggest/pinyin';
import { PINYIN_TABLE } from '../domain/suggest/pinyin-table.generated';
import { buildTemplateIndex, packTemplateIndex } from '../domain/suggest/template-index';
import { libraryIndex } from '../domain/suggest/library-index';
import { searchTemplates } from '../domain/suggest/search';
import { initialsInOrder } from '../domain/suggest/attach-initials';

const bg = vi.hoisted(() => ({ answers: [] as ((v: unknown) => void)[], fails: [] as ((e: Error) => void)[], asked: 0 }));
vi.mock('../messaging/client', () => ({
  call: (verb: string) => {
    if (verb !== 'getLibraryInitials') throw new Error(verb);
    bg.asked++;
    return new Promise((resolve, reject) => {
      bg.answers.push(resolve);
      bg.fails.push(reject);
    });
  },
}));

const { panelIndex, panelSearch } = await import('./panel-index');

const templates = STARTER_LIBRARY.templates;
const initials = initialsFor(templates, PINYIN_TABLE);
/** As getLibraryInitials sends them: in the replies' order. */
const sent = initialsInOrder(templates, initials);
const library = { v: 2 as const, groups: STARTER_LIBRARY.groups, templates, updatedAt: 1_700_000 };
const packed = JSON.parse(JSON.stringify(packTemplateIndex(buildTemplateIndex(templates))));
/** The index built with the initials in, as the panel had it when they came with the library. */
const full = libraryIndex({ templates, initials }, null);
const ids = (hits: { template: { id: string } }[]) => hits.map((h) => h.template.id);
/** A search waiting for the initials: nothing yet, marked so. */
const WAITING = Object.assign([], { waiting: true });
const LETTERS = ['zxgf', '/cf', 'ＣＦ', 'fh', 'x', 'thlc'];
const idle = () => new Promise((r) => setTimeout(r, 5));
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  // The idle asks of the test before have run.
  await idle();
  bg.answers = [];
  bg.fails = [];
  bg.asked = 0;
});

describe('the chat panel index without the initials in the library message', () => {
  it('answers a search in letters only once the initials are in, then with exactly the full index’s hits', async () => {
    const changed = vi.fn();
    const index = panelIndex(library, packed, changed);
    // Nothing yet, marked as waiting (the panel says 正在载入…, not 没有找到匹配的话术).
    for (const q of LETTERS) expect(panelSearch(index, q, 30), q).toEqual(WAITING);
    expect(bg.asked).toBe(1);
    bg.answers[0]!({ updatedAt: library.updatedAt, initials: sent });
    await settle();
    expect(changed).toHaveBeenCalledTimes(1);
    for (const q of LETTERS) expect(ids(panelSearch(index, q, 30)), q).toEqual(ids(searchTemplates(full, q, 30)));
    expect(ids(panelSearch(index, 'zxgf', 30))[0]).toBe(ids(searchTemplates(full, 'zxgf', 30))[0]);
    expect(panelSearch(index, 'zxgf', 30).length).toBeGreaterThan(0);
    expect(panelSearch(index, 'zxgf', 30)).not.toHaveProperty('waiting');
    expect(panelSearch(index, 'qqqqxz', 30)).not.toHaveProperty('waiting');
  });

  it('answers a search in characters at once, the same as the full index', () => {
    const index = panelIndex(library, packed, vi.fn());
    for (const q of ['发货', '退货流程', '顺丰 包邮', '便宜']) expect(ids(panelSearch(index, q, 30)), q).toEqual(ids(searchTemplates(full, q, 30)));
    expect(bg.asked).toBe(0);
  });

  it('asks for the initials in the first idle moment, and redraws nothing when no search waited', async () => {
    const changed = vi.fn();
    const index = panelIndex(library, packed, changed);
    await idle();
    expect(bg.asked).toBe(1);
    bg.answers[0]!({ updatedAt: library.updatedAt, initials: sent });
    await settle();
    expect(changed).not.toHaveBeenCalled();
    expect(ids(panelSearch(index, 'zxgf', 30))).toEqual(ids(searchTemplates(full, 'zxgf', 30)));
    expect(bg.asked).toBe(1);
  });

  it('asks again at the next search when the ask failed (the worker stopped)', async () => {
    const changed = vi.fn();
    const index = panelIndex(library, packed, changed);
    expect(panelSearch(index, 'zxgf')).toEqual(WAITING);
    bg.fails[0]!(new Error('background unavailable'));
    await settle();
    expect(panelSearch(index, 'zxgf')).toEqual(WAITING);
    expect(bg.asked).toBe(2);
    bg.answers[1]!({ updatedAt: library.updatedAt, initials: sent });
    await settle();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(ids(panelSearch(index, 'zxgf'))).toEqual(ids(searchTemplates(full, 'zxgf')));
  });

  it('does not put another library version’s initials on this index (the panel indexes the new one when told)', async () => {
    const changed = vi.fn();
    const index = panelIndex(library, packed, changed);
    expect(panelSearch(index, 'cf')).toEqual(WAITING);
    bg.answers[0]!({ updatedAt: library.updatedAt + 1, initials: sent });
    await settle();
    expect(changed).not.toHaveBeenCalled();
    expect(index.initials).toBeNull();
    expect(panelSearch(index, 'cf')).toEqual(WAITING);
    expect(bg.asked).toBe(2);
  });

  it('uses initials that came with the library at once (no message)', () => {
    const index = panelIndex({ ...library, initials }, packed, vi.fn());
    expect(ids(panelSearch(index, 'zxgf', 30))).toEqual(ids(searchTemplates(full, 'zxgf', 30)));
    expect(bg.asked).toBe(0);
  });

  it('searches without initials, as before, a library that has none', async () => {
    const index = panelIndex(library, packed, vi.fn());
    expect(panelSearch(index, 'fh')).toEqual(WAITING);
    bg.answers[0]!({ updatedAt: library.updatedAt, initials: null });
    await settle();
    expect(ids(panelSearch(index, 'fh', 30))).toEqual(ids(searchTemplates(libraryIndex({ templates }, null), 'fh', 30)));
  });
});
