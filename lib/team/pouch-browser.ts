/** PouchDB as the extension runs it: IndexedDB replicas, HTTP remotes, replication. Nothing else. */
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchStatic } from './pouch-types';

export const BrowserPouch: PouchStatic = PouchDB.plugin(idb).plugin(http).plugin(replication);
