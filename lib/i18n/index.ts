/**
 * UI strings. Simplified Chinese first, English second. Each feature keeps its strings in its own
 * file under messages/ (so parallel work does not collide); lookup.ts merges them. Importing this
 * module registers the core strings (the panel, shared words); the worker imports lookup.ts alone.
 */
import { core } from './messages/core';
import { registerMessages } from './lookup';

export * from './lookup';
registerMessages(core);
