// What checking one exercise attempt costs, on the lesson's real data, for
// answers whose shape makes a check slow. The reference is the same check
// query written the way it was before the data tests read a column once
// (the child's value inside the parent probe).
import { readFileSync } from 'node:fs';
import { loadDatasets } from '../src/datasets/load';
import { nodeSource } from '../src/datasets/node-source';
import { parseLesson } from '../src/lesson/parse';
import type { ExerciseCell, SqlCell } from '../src/lesson/types';
import { checkExercise } from '../src/notebook/exercises';
import { createNodeEngine } from '../src/sql/node-engine';
import { fastest, printResults, timed, type Result } from './measure';

const CAPSTONE = 'lessons/14-capstone-bad-rides.md';

// A learner's natural match: a view whose trip_id is a correlated subquery with an OR.
const OR_VIEW_ANSWER = `DROP VIEW IF EXISTS ticket_trip_match;
CREATE VIEW ticket_trip_match AS
SELECT k.ticket_id, k.user_id, k.created_at,
       (SELECT t.trip_id FROM trips_arrived t
        WHERE (t.rider_id = k.user_id OR t.driver_id = k.user_id)
          AND t.requested_at < strftime('%Y-%m-%dT%H:%M:%S', k.created_at, '+9 hours')
        ORDER BY t.requested_at DESC LIMIT 1) AS trip_id
FROM tickets_arrived AS k;`;

export async function runExerciseCheckBench(options: { runs: number }): Promise<Result[]> {
  console.log(`\n# exercise checks: ${CAPSTONE} match-tickets, fastest of ${options.runs} run(s)\n`);
  const parsed = parseLesson(CAPSTONE, readFileSync(CAPSTONE, 'utf8'));
  if (!parsed.ok) throw new Error(`${CAPSTONE} does not parse`);
  const cell = (id: string) => parsed.lesson.cells.find((c) => c.kind !== 'markdown' && c.id === id);
  const exercise = cell('match-tickets') as ExerciseCell;

  const engine = await createNodeEngine();
  await loadDatasets(engine, parsed.lesson.datasets, nodeSource());
  await engine.exec((cell('arrivals') as SqlCell).source);
  const tickets = Number((await engine.exec('SELECT count(*) FROM tickets_arrived')).result.rows[0]![0]);

  const results: Result[] = [];
  const solution = await fastest(options.runs, () => checkExercise(engine, exercise, exercise.solution));
  results.push({ bench: 'checks', step: 'check the lesson solution (row_number)', rows: tickets, ms: solution.ms, note: pass(solution.value.pass) });
  const orView = await fastest(options.runs, () => checkExercise(engine, exercise, OR_VIEW_ANSWER));
  results.push({ bench: 'checks', step: 'check an OR-subquery view answer', rows: tickets, ms: orView.ms, note: pass(orView.value.pass) });

  // The relationships check's query alone, now and as it was, over the OR view.
  await engine.exec(OR_VIEW_ANSWER);
  const now = await timed(() =>
    engine.exec(
      'WITH child AS MATERIALIZED (SELECT trip_id AS v FROM ticket_trip_match WHERE trip_id IS NOT NULL) SELECT v FROM child WHERE NOT EXISTS (SELECT 1 FROM trips_arrived AS parent WHERE parent.trip_id = v)',
    ),
  );
  results.push({ bench: 'checks', step: 'relationships query, value read once', rows: tickets, ms: now.ms });
  const before = await timed(() =>
    engine.exec(
      'SELECT child.trip_id FROM ticket_trip_match AS child WHERE child.trip_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM trips_arrived AS parent WHERE parent.trip_id = child.trip_id)',
    ),
  );
  results.push({ bench: 'checks', step: 'relationships query, value in the probe (reference)', rows: tickets, ms: before.ms, note: `${(before.ms / now.ms).toFixed(0)}x slower` });
  engine.close();
  printResults(results);
  return results;
}

const pass = (ok: boolean): string => (ok ? 'passes' : 'FAILS');
