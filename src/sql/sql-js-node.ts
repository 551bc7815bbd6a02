// sql.js for Node: its default build finds the wasm beside itself on disk.
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

/** Loads sql.js once per process; every engine shares the module. */
export function loadSqlJsInNode(): Promise<SqlJsStatic> {
  loading ??= initSqlJs();
  return loading;
}
