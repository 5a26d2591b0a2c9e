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

type Read = (doc: Document) => WaitingConversation[];

/** Pinduoduo's is made per clock: it keeps, for the page session, the buyers only its robot answered (pdd/robot-waits.ts). */
const READERS: Record<string, () => Read> = {
  demo: () => demo,
  'pdd-chat': pddWaiting,
  'jd-chat': () => jd,
  'douyin-chat': () => douyin,
  'kuaishou-chat': () => kuaishou,
};

/**
 * Reads that rest on the open conversation too (JD's check of its unanswered marker, Pinduoduo's
 * buyers answered by the robot only): the clock reads them again at each page read.
 */
const FOLLOWS_OPEN = new Set(['pdd-chat', 'jd-chat']);

export interface WaitingReader {
  read: Read;
  followsOpen: boolean;
}

/** The adapter's own reader where it has one (a test's, a taught page's), else its console's; none where the list is not read. */
export function waitingReader(adapter: SiteAdapter): WaitingReader | undefined {
  if (adapter.readWaiting) return { read: adapter.readWaiting.bind(adapter), followsOpen: false };
  const read = READERS[adapter.id]?.();
  return read && { read, followsOpen: FOLLOWS_OPEN.has(adapter.id) };
}
