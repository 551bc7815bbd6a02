// The answers a browser test expects, computed in Node by the same engine
// code over the same dataset files, and printed the way the result table
// prints values. A browser result that differs is a real bug.
import { readFile } from 'node:fs/promises';
import { loadDatasets } from '../../src/datasets/load';
import { nodeSource } from '../../src/datasets/node-source';
import { parseLesson } from '../../src/lesson/parse';
import { createNodeEngine } from '../../src/sql/node-engine';
import { formatValue } from '../../src/ui/result/format-value';

export async function referenceQuery(datasets: string[], sql: string): Promise<string[][]> {
  const engine = await createNodeEngine();
  try {
    await loadDatasets(engine, datasets, nodeSource());
    const { result } = await engine.exec(sql);
    return result.rows.map((row, r) => row.map((value, c) => formatValue(value, result.kinds[r][c]).text));
  } finally {
    engine.close();
  }
}

export async function lessonCellSource(file: string, id: string): Promise<string> {
  const parsed = parseLesson(file, await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const cell = parsed.lesson.cells.find((c) => c.id === id);
  if (!cell) throw new Error(`${file} has no cell ${id}`);
  return cell.source;
}
