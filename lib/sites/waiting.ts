/**
 * The 等待中 list's read per console (SiteAdapter.readWaiting), by adapter id. Only the reply clock
 * reads it (lib/panel/clock-run.tsx, a feature script), so the readers stay out of content.js: the
 * adapters there keep the row selector and the click that opens a row.
 */
import type { SiteAdapter, WaitingConversation } from './types';
import { readWaiting as demo } from './demo/read';
import { pddWaiting } from './pdd/robot-waits';
import { readWaiting as jd } from './jd/read';
import { readWaiting as douyin } from './douyin/read';
import { readWaiting as kuaishou } from './kuaishou/read';

/** `followsOpen`: the read rests on the open conversation too (JD, Pinduoduo): read again at each page read. */
type Reader = ((doc: Document) => WaitingConversation[]) & { followsOpen?: boolean };
const followsOpen = (read: Reader): Reader => Object.assign(read, { followsOpen: true });
/** A new reader per clock: Pinduoduo's keeps, for the page session, the buyers only its robot answered (pdd/robot-waits.ts). */
const READERS: Record<string, () => Reader> = {
  demo: () => (doc) => demo(doc),
  'pdd-chat': () => {
    const read = pddWaiting();
    return followsOpen((doc) => read(doc));
  },
  'jd-chat': () => followsOpen((doc) => jd(doc)),
  'douyin-chat': () => (doc) => douyin(doc),
  'kuaishou-chat': () => (doc) => kuaishou(doc),
};

/** The adapter's own reader where it has one (a test's, a taught page's), else its console's; none where the list is not read. */
export const waitingReader = (adapter: SiteAdapter): Reader | undefined => adapter.readWaiting ?? READERS[adapter.id]?.();
