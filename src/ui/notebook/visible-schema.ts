import { findDataset } from '../../datasets/registry';
import type { NotebookState } from '../../notebook/runtime';
import type { SchemaInfo } from '../../sql/schema';

/**
 * The schema without the tables of hidden datasets (a lesson's answer key):
 * a lesson's checks may read them, but the panel and completion do not offer them.
 */
export function visibleSchema(state: Pick<NotebookState, 'schema' | 'datasetTables'>): SchemaInfo {
  const hidden = new Set(state.datasetTables.filter((d) => findDataset(d.name)?.hidden).flatMap((d) => d.tables));
  return { tables: (state.schema?.tables ?? []).filter((t) => !hidden.has(t.id)) };
}

