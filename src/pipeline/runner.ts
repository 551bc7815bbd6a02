// What the scheduler needs from the database, behind one small interface so
// the scheduler's tests can run on a real Node engine or a scripted fake.
import type { DataTestCheck } from '../lesson/types';
import type { PartitionedTable } from './types';

export interface TryOutcome {
  ok: boolean;
  /** Statements SQLite ran. */
  statements: number;
  /** Rows the last statement returned (a sensor succeeds on one). */
  rows: number;
  /** Rows changed by the last statement. */
  changes: number;
  error?: string;
  read: string[];
  written: string[];
}

export interface TaskRunner {
  /** Runs SQL with named parameters bound to every statement (never spliced into the text). */
  sql(sql: string, params: Record<string, string>): Promise<TryOutcome>;
  /** Runs a data test; the failure messages, [] when it passes. */
  test(check: DataTestCheck): Promise<string[]>;
  /** Rows of one day in a partitioned table; 0 when the table does not exist yet. */
  partitionRows(table: PartitionedTable, ds: string): Promise<number>;
}
