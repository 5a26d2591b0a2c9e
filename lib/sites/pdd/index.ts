import type { SiteAdapter } from '../types';
import { observeDom } from '../observe';
import { detectPageKind, isPddChatUrl } from './detect';
import { findChatInput, readBuyer, readMessages } from './read';
import { CHAT_INPUT, MESSAGE } from './selectors';

/** Pinduoduo merchant web chat. Written from public notes; checked against fixture pages only. */
export const pddAdapter: SiteAdapter = {
  id: 'pdd-chat',
  platform: 'pdd',
  name: '拼多多 商家客服',
  verifiedAgainst: 'fixture',
  chatLocation: 'page',
  matches: isPddChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readMessages,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    observeDom(doc, signal, onChange, {
      classChanges: true, // the open conversation is marked by the `active` class only
      ignoreInside: CHAT_INPUT,
      key: () => {
        const rows = doc.querySelectorAll(MESSAGE);
        return `${readBuyer(doc)}\u0000${rows.length}\u0000${rows[rows.length - 1]?.textContent ?? ''}\u0000${readMessages(doc, 1)[0]?.text ?? ''}`;
      },
    });
  },
};
