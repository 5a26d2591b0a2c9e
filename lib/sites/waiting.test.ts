// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS, jdAdapter } from './index';
import { waitingReader } from './waiting';
import { readWaiting as jdRead } from './jd/read';
import { openConversation as kuaishouOpen, readWaiting as kuaishouRead } from './kuaishou/read';
import type { SiteAdapter } from './types';

const by = (id: string) => ALL_ADAPTERS.find((a) => a.id === id)!;

describe('waitingReader: the 等待中 list read per console, out of content.js', () => {
  it('gives each chat console its reader; the order pages have none', () => {
    expect(ALL_ADAPTERS.filter((a) => waitingReader(a)).map((a) => a.id)).toEqual(['demo', 'pdd-chat', 'jd-chat', 'douyin-chat', 'kuaishou-chat']);
    expect(waitingReader(by('jd-chat'))!.read).toBe(jdRead);
    expect(waitingReader(by('kuaishou-chat'))!.read).toBe(kuaishouRead);
  });

  it('each chat console’s row click comes with its reader, not with the adapter every console page loads', () => {
    for (const id of ['demo', 'pdd-chat', 'jd-chat', 'douyin-chat', 'kuaishou-chat']) {
      expect(waitingReader(by(id))!.open, id).toBeTypeOf('function');
      expect(by(id).openConversation, id).toBeUndefined();
    }
    expect(waitingReader(by('kuaishou-chat'))!.open).toBe(kuaishouOpen);
  });

  it('JD and Pinduoduo are read again at each page read (their read rests on the open conversation); the others are not', () => {
    const follows = ALL_ADAPTERS.filter((a) => waitingReader(a)?.followsOpen).map((a) => a.id);
    expect(follows).toEqual(['pdd-chat', 'jd-chat']);
  });

  it('a new Pinduoduo reader per clock (it keeps the buyers only its robot answered), the shared readers left unmarked', () => {
    expect(waitingReader(by('pdd-chat'))!.read).not.toBe(waitingReader(by('pdd-chat'))!.read);
    expect(jdRead).not.toHaveProperty('followsOpen');
  });

  it('an adapter’s own reader and click win; its own reader is not read again at each page read', () => {
    const own = { ...jdAdapter, readWaiting: () => [{ key: 'k', buyer: 'b', since: 1 }] } satisfies SiteAdapter;
    const r = waitingReader(own)!;
    expect(r.followsOpen).toBe(false);
    expect(r.read(document)).toEqual([{ key: 'k', buyer: 'b', since: 1 }]);
    expect(r.open).toBeTypeOf('function'); // JD's, as the adapter gives none
    const click = { ...own, openConversation: (_d: Document, key: string) => key === 'k' };
    expect(waitingReader(click)!.open!(document, 'k')).toBe(true);
  });
});
