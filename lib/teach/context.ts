/**
 * What the in-page panel may ask of teach mode: start the picker on this page. Provided by the
 * content script; null where teach mode is not available (the panel then shows no button).
 */
import { createContext } from 'preact';
import { registerMessages } from '../i18n';
import { sites } from '../i18n/messages/sites';

registerMessages(sites);

export const TeachContext = createContext<(() => void) | null>(null);
