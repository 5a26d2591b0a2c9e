import { call, onDataChanged } from '@/lib/messaging/client';
import { copyText, currentTarget, onTargetChanged, teachTarget } from '@/lib/teach/page-api';
import { sendToTab } from '@/lib/teach/tab-messages';
import type { SidePanelApi } from './SidePanelContext';

/** The side panel's (and the popup library tab's) view of the extension: protocol, tab, clipboard. */
export const sidePanelApi: SidePanelApi = {
  call: (verb, payload) => (call as (v: typeof verb, p?: unknown) => Promise<never>)(verb, payload),
  onChanged: onDataChanged,
  target: currentTarget,
  onTargetChanged,
  insert: (tabId, reply) => sendToTab(tabId, 'useReply', reply),
  copy: copyText,
  remindedHere: (tabId, reply) => sendToTab(tabId, 'remindedHere', reply),
  teach: teachTarget,
};
