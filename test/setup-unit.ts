// IndexedDB for storage tests running in Node (the extension itself uses the browser's).
import 'fake-indexeddb/auto';
// The data files the worker fetches from the built extension (lib/storage/bundled.ts).
import { provideBundledData } from '../lib/storage/bundled';
import { BUNDLED_DATA } from '../lib/storage/bundled-assets';
import { registerWorkerExtras } from '../lib/background/extras';
import { WORKER_EXTRAS } from '../lib/background/extras-modules';
provideBundledData(BUNDLED_DATA);
// The pure code the worker loads from worker-extras.js (lib/background/extras.ts).
registerWorkerExtras(WORKER_EXTRAS);
