// Starts pouchdb-server 4.2.0 (the CLI, same arguments) with one defect corrected in memory:
// pouchdb-validation's validate() overwrites the incoming document's `_revisions` with the stored
// document's before writing, so with a validate_doc_update function installed every replicated
// update of an existing document (`_bulk_docs` with new_edits:false, i.e. every push) is silently
// dropped. CouchDB has no such defect. The file in node_modules stays untouched.
'use strict';
const Module = require('module');
const fs = require('fs');
const path = require('path');

// Node loads modules by their real path: a symlinked node_modules (a git worktree's) is followed.
const target = fs.realpathSync(path.join(__dirname, 'node_modules/pouchdb-validation/lib/index.js'));
const BUG = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIX = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';
const load = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (filename !== target) return load(module, filename);
  const src = fs.readFileSync(filename, 'utf8');
  if (!src.includes(BUG)) throw new Error('pouchdb-validation changed: re-check the _revisions defect before running the tests');
  module._compile(src.replace(BUG, FIX), filename);
};
require('./node_modules/pouchdb-server/bin/pouchdb-server');
