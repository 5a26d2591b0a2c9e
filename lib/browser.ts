/**
 * The one place that imports the WebExtension API. Promise-based on every browser through
 * webextension-polyfill. Import this from lib/ modules made for the runtime, never at the top of
 * pure domain code.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
