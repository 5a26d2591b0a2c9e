import { describe, expect, it } from 'vitest';
import { migrate } from './versioned';
import { LIBRARY_SCHEMA, loadLibrary, saveLibrary } from './library';
import { STARTER_LIBRARY } from '../domain/templates/starter';

describe('library record migrations', () => {
  it('upgrades the unversioned prototype array (single scenario) to the current record', () => {
    const v0 = [{ id: 'a', title: '问候', body: '您好', group: '欢迎', scenario: 'greeting' }];
    const rec = migrate(v0, LIBRARY_SCHEMA);
    expect(rec.v).toBe(2);
    expect(rec.groups).toEqual(['欢迎']);
    expect(rec.templates).toEqual([{ id: 'a', title: '问候', body: '您好', group: '欢迎', scenarios: ['greeting'] }]);
    expect(rec.updatedAt).toBe(0);
  });

  it('upgrades a v1 record by adding updatedAt and keeps its content', () => {
    const v1 = { v: 1, groups: ['g'], templates: [{ id: 'x', title: 't', body: 'b', group: 'g', scenarios: ['thanks'] }] };
    const rec = migrate(v1, LIBRARY_SCHEMA);
    expect(rec).toEqual({ v: 2, groups: ['g'], templates: v1.templates, updatedAt: 0 });
  });

  it('is idempotent: migrating a current record changes nothing', () => {
    const cur = { v: 2, groups: ['g'], templates: [], updatedAt: 5 };
    expect(migrate(migrate(cur, LIBRARY_SCHEMA), LIBRARY_SCHEMA)).toEqual(cur);
  });

  it('refuses a record from a newer version instead of guessing', () => {
    expect(() => migrate({ v: 99, groups: [], templates: [] }, LIBRARY_SCHEMA)).toThrow(/newer/);
  });
});

describe('library storage', () => {
  it('starts with the starter library and keeps what was saved', async () => {
    const first = await loadLibrary();
    expect(first.templates.length).toBe(STARTER_LIBRARY.templates.length);
    const saved = await saveLibrary({ groups: ['g'], templates: [{ id: 'x', title: 't', body: 'b', group: 'g', scenarios: ['thanks'] }] }, 42);
    expect(await loadLibrary()).toEqual(saved);
  });
});

describe('saving from two editors at once', () => {
  it('refuses a save based on an older library and keeps the newer one', async () => {
    const { saveLibraryIfUnchanged } = await import('./library');
    const base = await saveLibrary({ groups: ['g'], templates: [] }, 100);
    const a = await saveLibraryIfUnchanged({ groups: ['g', 'A'], templates: [] }, base.updatedAt, 200);
    expect(a).not.toBe('conflict');
    // The second editor still holds the library as of `base`: its save must not drop group A.
    expect(await saveLibraryIfUnchanged({ groups: ['g', 'B'], templates: [] }, base.updatedAt, 300)).toBe('conflict');
    expect((await loadLibrary()).groups).toEqual(['g', 'A']);
  });
});
