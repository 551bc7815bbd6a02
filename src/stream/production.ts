// The same job as a real engine would take it: Flink SQL and Spark Structured
// Streaming (PySpark), generated from the spec. It is text to read, not run
// here; where a real engine has no equivalent of a setting, a comment says so.
import type { AggregateSpec, StreamSpec } from './types';

const HEADER = 'Generated from the stream cell’s spec by the workbench; not run here.';

/** Flink's INTERVAL literal, in the largest whole unit. */
function flinkInterval(ms: number): string {
  if (ms % 3_600_000 === 0) return `INTERVAL '${ms / 3_600_000}' HOUR`;
  if (ms % 60_000 === 0) return `INTERVAL '${ms / 60_000}' MINUTE`;
  if (ms % 1000 === 0) return `INTERVAL '${ms / 1000}' SECOND`;
  return `INTERVAL '${ms / 1000}' SECOND`;
}

/** Spark's duration strings: "15 minutes". */
function sparkDuration(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return unit(ms / 3_600_000, 'hour');
  if (ms % 60_000 === 0) return unit(ms / 60_000, 'minute');
  if (ms % 1000 === 0) return unit(ms / 1000, 'second');
  return unit(ms, 'millisecond');
}

function flinkAggregate(a: AggregateSpec): string {
  const col = a.column === undefined ? '*' : `\`${a.column}\``;
  const expr = a.fn === 'count distinct' ? `COUNT(DISTINCT ${col})` : `${a.fn.toUpperCase()}(${col})`;
  return `${expr} AS \`${a.name}\``;
}

function sparkAggregate(a: AggregateSpec): string {
  const col = `"${a.column ?? '*'}"`;
  const fn = a.fn === 'count distinct' ? 'countDistinct' : a.fn;
  return `F.${fn}(${col}).alias("${a.name}")`;
}

export function flinkSql(spec: StreamSpec): string {
  const t = `\`${spec.from}\``;
  const ts = `\`${spec.eventTime}\``;
  const columns = [`  ${ts} TIMESTAMP(3)`];
  if (spec.key !== undefined) columns.push(`  \`${spec.key}\` STRING`);
  for (const c of new Set(spec.aggregates.flatMap((a) => (a.column === undefined ? [] : [a.column])))) {
    if (c !== spec.key && c !== spec.eventTime) columns.push(`  \`${c}\` ${spec.aggregates.some((a) => a.column === c && a.fn !== 'count distinct' && a.fn !== 'count') ? 'DOUBLE' : 'STRING'}`);
  }
  columns.push(`  WATERMARK FOR ${ts} AS ${ts} - ${flinkInterval(spec.watermarkDelayMs)}`);
  const whereNote = spec.where === undefined ? '' : '\n  -- … and the columns the WHERE condition below uses';
  const w = spec.window;
  const source =
    w.type === 'tumbling'
      ? `TUMBLE(TABLE ${t}, DESCRIPTOR(${ts}), ${flinkInterval(w.sizeMs)})`
      : w.type === 'sliding'
        ? `HOP(TABLE ${t}, DESCRIPTOR(${ts}), ${flinkInterval(w.slideMs)}, ${flinkInterval(w.sizeMs)})`
        : `SESSION(TABLE ${t}${spec.key === undefined ? '' : ` PARTITION BY \`${spec.key}\``}, DESCRIPTOR(${ts}), ${flinkInterval(w.gapMs)})`;
  const keys = ['window_start', 'window_end', ...(spec.key === undefined ? [] : [`\`${spec.key}\``])];
  const notes: string[] = [];
  if (spec.trigger.type === 'once') notes.push("-- trigger: once — run the same query as a bounded batch job:\nSET 'execution.runtime-mode' = 'batch';\n");
  if (spec.trigger.type === 'every') {
    notes.push(`-- trigger: every ${sparkDuration(spec.trigger.everyMs)} — Flink has no processing-time micro-batch trigger for SQL windows;\n-- windows fire when the watermark passes their end, as with each-event.\n`);
  }
  if (spec.allowedLatenessMs > 0 || spec.late !== 'drop') {
    notes.push(
      `-- allowed_lateness ${sparkDuration(spec.allowedLatenessMs)}, late: ${spec.late} — window table functions in Flink SQL drop late rows;\n` +
        `-- the DataStream API has .allowedLateness(Duration.ofMillis(${spec.allowedLatenessMs}))` +
        `${spec.late === 'side-table' ? ' and .sideOutputLateData(lateTag)' : ''} on a window.\n`,
    );
  }
  return [
    `-- ${HEADER}`,
    `CREATE TABLE ${t} (\n${columns.join(',\n')}${whereNote}\n) WITH (\n  'connector' = 'kafka',\n  'topic' = '${spec.from}',\n  'format' = 'json',\n  'scan.startup.mode' = 'earliest-offset'\n);`,
    '',
    ...notes,
    `INSERT INTO \`${spec.into}\``,
    `SELECT ${[...keys, ...spec.aggregates.map(flinkAggregate)].join(',\n       ')}`,
    `FROM TABLE(\n  ${source}\n)`,
    ...(spec.where === undefined ? [] : [`WHERE ${spec.where}`]),
    `GROUP BY ${keys.join(', ')};`,
    '',
  ].join('\n');
}

export function sparkStreaming(spec: StreamSpec): string {
  const w = spec.window;
  const window =
    w.type === 'tumbling'
      ? `F.window("${spec.eventTime}", "${sparkDuration(w.sizeMs)}")`
      : w.type === 'sliding'
        ? `F.window("${spec.eventTime}", "${sparkDuration(w.sizeMs)}", "${sparkDuration(w.slideMs)}")`
        : `F.session_window("${spec.eventTime}", "${sparkDuration(w.gapMs)}")`;
  const groups = [window, ...(spec.key === undefined ? [] : [`"${spec.key}"`])];
  // Spark keeps a window's state until the watermark passes its end: its delay plays both parts.
  const delay = spec.watermarkDelayMs + spec.allowedLatenessMs;
  const trigger =
    spec.trigger.type === 'every'
      ? `.trigger(processingTime="${sparkDuration(spec.trigger.everyMs)}")`
      : spec.trigger.type === 'once'
        ? '.trigger(availableNow=True)'
        : '# each-event: Spark runs the next micro-batch as soon as the last one ends (no trigger set)';
  const lines = [
    `# ${HEADER}`,
    'from pyspark.sql import functions as F',
    '',
    `events = spark.readStream.table("${spec.from}")`,
    '',
    '# Spark has no separate allowed lateness: a window is kept until the watermark',
    `# (newest event time - delay) passes its end, so delay = watermark + allowed_lateness here.`,
    ...(spec.late === 'side-table' ? ['# late: side-table — Spark drops rows behind the watermark and has no side output for them.'] : []),
    'result = (',
    '    events',
    ...(spec.where === undefined ? [] : [`    .where("${spec.where.replace(/"/g, '\\"')}")`]),
    `    .withWatermark("${spec.eventTime}", "${sparkDuration(delay)}")`,
    `    .groupBy(${groups.join(', ')})`,
    `    .agg(${spec.aggregates.map(sparkAggregate).join(', ')})`,
    ')',
    '',
    'query = (',
    '    result.writeStream',
    `    .outputMode("${spec.late === 'update' ? 'update' : 'append'}")`,
    `    ${trigger}`,
    `    .toTable("${spec.into}")`,
    ')',
    '',
  ];
  return lines.join('\n');
}
