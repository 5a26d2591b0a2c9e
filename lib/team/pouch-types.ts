/** The slice of PouchDB's API this folder uses, typed here (PouchDB ships no types). */
export interface Doc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [k: string]: unknown;
}

export interface PutResult {
  ok?: boolean;
  id: string;
  rev?: string;
  error?: string | boolean;
  reason?: string;
  status?: number;
}

export interface ChangesResult {
  results: { id: string; seq: number | string; deleted?: boolean; doc?: Doc; changes: { rev: string }[] }[];
  last_seq: number | string;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq: number | string;
  status: string;
}

export interface Replication extends Promise<ReplicationResult> {
  cancel(): void;
  on(event: 'change' | 'complete' | 'error' | 'denied' | 'paused' | 'active', fn: (x: any) => void): Replication;
}

export interface PouchDatabase {
  name: string;
  get(id: string, opts?: { conflicts?: boolean; rev?: string; open_revs?: string[] | 'all'; revs?: boolean }): Promise<any>;
  put(doc: Doc): Promise<PutResult>;
  bulkDocs(docs: Doc[] | { docs: Doc[]; new_edits?: boolean }, opts?: Record<string, unknown>): Promise<PutResult[]>;
  allDocs(opts?: { keys?: string[]; include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; limit?: number }): Promise<{
    total_rows: number;
    rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc | null; error?: string }[];
  }>;
  changes(opts: { since?: number | string; include_docs?: boolean; conflicts?: boolean; limit?: number; style?: 'all_docs' | 'main_only'; live?: false }): Promise<ChangesResult>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  /** Of these revisions, the ones the database lacks (by document id). */
  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
  /** The database's identity for replication ids (a remote's: the server's uuid + the name). */
  id(): Promise<string>;
  replicate: {
    to(target: PouchDatabase, opts?: Record<string, unknown>): Replication;
    from(source: PouchDatabase, opts?: Record<string, unknown>): Replication;
  };
  /** Removes the bodies of revisions more than `maxHeight` from a leaf (0: every non-leaf revision). */
  compactDocument(id: string, maxHeight: number): Promise<void>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase;
  plugin(p: unknown): PouchStatic;
  defaults(opts: Record<string, unknown>): PouchStatic;
}
