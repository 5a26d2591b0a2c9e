/**
 * An open UI (popup, options, side panel, a console's buyer card) holds a `kf-ui` port to the
 * background while it is open. In team mode the background keeps live replication on while any
 * such port is connected (lib/background/team.ts) and answers `{ team: true }`; the page then pings
 * every 20 s so the worker, and with it the port, stays up. In team mode a port the worker dropped
 * (it stopped) is opened again after a second. Without team mode a dropped port stays closed:
 * since Chrome 114 an idle port does not keep the worker alive but opening one starts it, so
 * reopening would wake the worker every ~30 s for as long as a console tab is open. (Team mode
 * switched on while such a page stays open goes live with the next UI that opens.)
 */
import { browser } from '../browser';

export const UI_PORT = 'kf-ui';
const PING_MS = 20_000;

export function holdUiPort(): void {
  const open = () => {
    let port: ReturnType<typeof browser.runtime.connect>;
    try {
      port = browser.runtime.connect({ name: UI_PORT });
    } catch {
      return; // the extension was reloaded: this page is orphaned
    }
    let ping: ReturnType<typeof setInterval> | null = null;
    port.onMessage.addListener((m: unknown) => {
      if ((m as { team?: boolean } | null)?.team && !ping) ping = setInterval(() => port.postMessage('ping'), PING_MS);
    });
    port.onDisconnect.addListener(() => {
      if (!ping) return;
      clearInterval(ping);
      setTimeout(open, 1000);
    });
  };
  open();
}
