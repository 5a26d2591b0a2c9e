import type { SiteAdapter } from '../types';
import { observeDom } from '../observe';
import { detectPageKind, isJdChatUrl } from './detect';
import { findChatInput, readBuyer, readMessages } from './read';
import { CHAT_INPUT, MESSAGE } from './selectors';

/** JD 咚咚 web chat. Mostly assumed structure (see selectors.ts); checked against a fixture page only. */
export const jdAdapter: SiteAdapter = {
  id: 'jd-chat',
  platform: 'jd',
  name: '京东 咚咚工作台',
  verifiedAgainst: 'fixture',
  chatLocation: 'page',
  matches: isJdChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readMessages,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    observeDom(doc, signal, onChange, {
      classChanges: true,
      ignoreInside: CHAT_INPUT,
      key: () => {
        const rows = doc.querySelectorAll(MESSAGE);
        return `${readBuyer(doc)}\u0000${rows.length}\u0000${rows[rows.length - 1]?.textContent ?? ''}`;
      },
    });
  },
};
