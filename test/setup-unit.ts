// IndexedDB for storage tests running in Node (the extension itself uses the browser's).
import 'fake-indexeddb/auto';
