// The same pipeline as an Airflow DAG: a Python file (one operator per task,
// its dependencies, retries, schedule) and one SQL file per task. Generated
// text for a learner to take to a real Airflow — it is never run here, and
// the teaching failures of the spec are left out on purpose.
import type { DataTestCheck } from '../lesson/types';
import type { PipelineSpec, TaskSpec } from './types';
import type { ZipEntry } from './zip';

const py = (text: string): string => JSON.stringify(text);
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function pyDate(ds: string): string {
  const [y, m, d] = ds.split('-').map(Number);
  return `datetime(${y}, ${m}, ${d})`;
}

function pyMinutes(minutes: number): string {
  return `timedelta(minutes=${Number.isInteger(minutes) ? minutes : minutes.toFixed(2)})`;
}

/** A Python identifier from a cell id ('nightly-mart' → 'nightly_mart'). */
export function dagId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `dag_${id}`;
}

/** SQL for SQLCheckOperator: one row whose first value is true when the data test passes. */
export function checkSql(check: DataTestCheck): string {
  switch (check.kind) {
    case 'unique': {
      const cols = check.columns.map(ident).join(', ');
      const notNull = check.columns.map((c) => `${ident(c)} IS NOT NULL`).join(' AND ');
      return `SELECT COUNT(*) = 0 FROM (\n  SELECT ${cols} FROM ${ident(check.table)}\n  WHERE ${notNull}\n  GROUP BY ${cols} HAVING COUNT(*) > 1\n) AS duplicates`;
    }
    case 'not_null':
      return `SELECT COUNT(*) = 0 FROM ${ident(check.table)}\nWHERE ${check.columns.map((c) => `${ident(c)} IS NULL`).join(' OR ')}`;
    case 'accepted_values':
      return `SELECT COUNT(*) = 0 FROM ${ident(check.table)}\nWHERE ${ident(check.column)} IS NOT NULL\n  AND ${ident(check.column)} NOT IN (${check.values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)).join(', ')})`;
    case 'relationships':
      return `SELECT COUNT(*) = 0 FROM ${ident(check.table)} AS child\nWHERE child.${ident(check.column)} IS NOT NULL\n  AND NOT EXISTS (SELECT 1 FROM ${ident(check.to)} AS parent WHERE parent.${ident(check.field)} = child.${ident(check.column)})`;
    case 'row_count': {
      const conds = [check.min !== undefined ? `COUNT(*) >= ${check.min}` : '', check.max !== undefined ? `COUNT(*) <= ${check.max}` : ''].filter(Boolean);
      return `SELECT ${conds.join(' AND ')} FROM ${ident(check.table)}`;
    }
    case 'no_rows':
      return `SELECT COUNT(*) = 0 FROM (\n${check.sql.trim().replace(/;\s*$/, '')}\n) AS offending`;
  }
}

function sqlFile(task: TaskSpec): string {
  if (task.kind === 'check' && task.check) return `-- ${task.id}: data test '${task.check.kind}' (passes when the first value is true)\n${checkSql(task.check)};\n`;
  const head =
    task.kind === 'sensor'
      ? `-- ${task.id}: sensor query; the task succeeds once it returns a row.\n-- :now was the simulated clock in the workbench; here it is the sensor's poke time.\n`
      : `-- ${task.id}: runs once per day; :ds, :ds_start and :ds_end are bound by the operator.\n`;
  return `${head}${task.sql.trim()}\n`;
}

const PARAMS = '{"ds": "{{ ds }}", "ds_start": "{{ data_interval_start.strftime(\'%Y-%m-%dT%H:%M:%S\') }}", "ds_end": "{{ data_interval_end.strftime(\'%Y-%m-%dT%H:%M:%S\') }}"}';

function operator(task: TaskSpec): string {
  const common = [`task_id=${py(task.id)}`, `conn_id=CONN_ID`, `sql=${py(`sql/${task.id}.sql`)}`];
  const retries = [`retries=${task.retries}`, `retry_delay=${pyMinutes(task.retryDelay)}`];
  const v = dagVar(task.id);
  if (task.kind === 'sensor') {
    return `    ${v} = SqlSensor(\n        ${[...common, `parameters={**PARTITION, "now": "{{ macros.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%S') }}"}`, `mode="poke"`, `poke_interval=${Math.round(task.pokeInterval * 60)}`, `timeout=${Math.round((task.timeout ?? 360) * 60)}`, ...retries].join(',\n        ')},\n    )`;
  }
  if (task.kind === 'check') {
    return `    ${v} = SQLCheckOperator(\n        ${[...common, ...retries].join(',\n        ')},\n    )`;
  }
  const timeout = task.timeout !== undefined ? [`execution_timeout=${pyMinutes(task.timeout)}`] : [];
  return `    ${v} = SQLExecuteQueryOperator(\n        ${[...common, 'parameters=PARTITION', 'split_statements=True', ...retries, ...timeout].join(',\n        ')},\n    )`;
}

const dagVar = (id: string): string => (/^(and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|None|True|False|dag)$/.test(id) ? `${id}_task` : id);

/** The DAG file, as text. `name` becomes the dag_id. */
export function airflowDag(spec: PipelineSpec, name: string): string {
  const cron = `${spec.at % 60} ${Math.floor(spec.at / 60)} * * *`;
  const deps = spec.tasks.flatMap((t) => t.after.map((up) => `    ${dagVar(up)} >> ${dagVar(t.id)}`));
  const kinds = new Set(spec.tasks.map((t) => t.kind));
  const imports = [
    kinds.has('sql') ? 'from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator' : '',
    kinds.has('check') ? 'from airflow.providers.common.sql.operators.sql import SQLCheckOperator' : '',
    kinds.has('sensor') ? 'from airflow.providers.common.sql.sensors.sql import SqlSensor' : '',
  ].filter(Boolean);
  return `# Generated by the Data Engineering Workbench from pipeline cell ${py(name)}.
# Generated text, not run in the workbench: review it before you deploy it.
# The spec's teaching failures are not exported. The SQL files use SQLite's
# :name parameters; with a driver that uses another style (psycopg2: %(name)s)
# rewrite them there.
from datetime import datetime, timedelta

from airflow import DAG
${imports.join('\n')}

# The Airflow connection to the warehouse; create it in Admin > Connections.
CONN_ID = "warehouse"

# One run per day: ds is the day, ds_start/ds_end its data interval.
PARTITION = ${PARAMS}

with DAG(
    dag_id=${py(dagId(name))},
    schedule=${py(cron)},
    start_date=${pyDate(spec.start)},
    end_date=${pyDate(spec.end)},
    catchup=${spec.catchup ? 'True' : 'False'},
    max_active_runs=1,
    max_active_tasks=1,
) as dag:
${spec.tasks.map(operator).join('\n\n')}
${deps.length > 0 ? `\n${deps.join('\n')}\n` : ''}`;
}

/** Every file of the export: the DAG and one SQL file per task, under a folder named for the DAG. */
export function airflowFiles(spec: PipelineSpec, name: string): ZipEntry[] {
  const dir = dagId(name);
  return [
    { path: `${dir}/${dir}.py`, text: airflowDag(spec, name) },
    ...spec.tasks.map((task) => ({ path: `${dir}/sql/${task.id}.sql`, text: sqlFile(task) })),
  ];
}
