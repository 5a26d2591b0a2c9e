/**
 * Before any browser test: make sure a Chromium that loads unpacked extensions is here (installing
 * Debian's on a fresh Debian machine as root, see scripts/find-chromium.ts), and hand its path to
 * the test workers.
 */
import { ensureChromium } from '../../scripts/find-chromium';

export default function setup(): void {
  const found = ensureChromium();
  process.env.CHROMIUM_PATH = found.path;
}
