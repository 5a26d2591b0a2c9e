/**
 * What the in-page panel may ask of teach mode: start the picker on this page. Provided by the
 * content script; null where teach mode is not available (the panel then shows no button).
 */
import { createContext } from 'preact';

export const TeachContext = createContext<(() => void) | null>(null);
