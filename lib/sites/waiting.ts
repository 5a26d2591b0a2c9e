/**
 * The 等待中 list per console, by adapter id: its read (SiteAdapter.readWaiting) and the click that
 * opens a listed conversation (SiteAdapter.openConversation). Only the reply clock uses them
 * (lib/panel/clock-run.tsx, a feature script), so they stay out of content.js: the adapters there
 * keep the row selector the clock watches.
 */
import type { SiteAdapter, WaitingConversation } from './types';
import { openConversation as demoOpen, readWaiting as demo } from './demo/read';
import { pddWaiting } from './pdd/robot-waits';
import { openConversation as pddOpen } from './pdd/read';
import { openConversation as jdOpen, readWaiting as jd } from './jd/read';
import { openConversation as douyinOpen, readWaiting as douyin } from './douyin/read';
import { openConversation as kuaishouOpen, readWaiting as kuaishou } from './kuaishou/read';

type Read = (doc: Document) => WaitingConversation[];
/** A click on the list row of this key (WaitingConversation.key); false where no row has it. */
type Open = (doc: Document, key: string) => boolean;

/** `read` makes the reader; Pinduoduo's, made per clock, keeps for the page session the buyers only its robot answered (pdd/robot-waits.ts). */
const CONSOLES: Record<string, { read: () => Read; open: Open }> = {
  demo: { read: () => demo, open: demoOpen },
  'pdd-chat': { read: pddWaiting, open: pddOpen },
  'jd-chat': { read: () => jd, open: jdOpen },
  'douyin-chat': { read: () => douyin, open: douyinOpen },
  'kuaishou-chat': { read: () => kuaishou, open: kuaishouOpen },
};

/**
 * Reads that rest on the open conversation too (JD's check of its unanswered marker, Pinduoduo's
 * buyers answered by the robot only): the clock reads them again at each page read.
 */
const FOLLOWS_OPEN = new Set(['pdd-chat', 'jd-chat']);

export interface WaitingReader {
  read: Read;
  followsOpen: boolean;
  /** None: a row of the list cannot be opened from the panel. */
  open?: Open;
}

/**
 * The adapter's own read and click where it has them (a test's, a taught page's), else its console's;
 * none where the list is not read.
 */
export function waitingReader(adapter: SiteAdapter): WaitingReader | undefined {
  const own = CONSOLES[adapter.id];
  const open = adapter.openConversation?.bind(adapter) ?? own?.open;
  if (adapter.readWaiting) return { read: adapter.readWaiting.bind(adapter), followsOpen: false, open };
  return own && { read: own.read(), followsOpen: FOLLOWS_OPEN.has(adapter.id), open };
}
