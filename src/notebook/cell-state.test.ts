import { describe, expect, it } from 'vitest';
import { initialCell, transition, type CellEvent, type CellOutput, type CellState } from './cell-state';

const table: CellOutput = { kind: 'table', result: { columns: ['n'], rows: [[1]], kinds: ['i'] }, totalRows: 1, changes: 0, statements: 1 };
const failure: CellOutput = { kind: 'error', message: 'no such table: trips' };

function cell(patch: Partial<CellState> = {}): CellState {
  return { ...initialCell('c', 'select 1'), ...patch };
}

describe('cell state transitions', () => {
  it.each<[string, CellState, CellEvent, Partial<CellState>]>([
    ['queue marks an idle cell queued', cell(), { type: 'queue', runId: 1 }, { status: 'queued', runId: 1 }],
    ['start of the current run marks it running', cell({ status: 'queued', runId: 1 }), { type: 'start', runId: 1 }, { status: 'running' }],
    ['a result marks it done', cell({ status: 'running', runId: 1 }), { type: 'finish', runId: 1, source: 'select 1', output: table, elapsedMs: 3 }, { status: 'done', output: table, elapsedMs: 3 }],
    ['an error marks it error', cell({ status: 'running', runId: 1 }), { type: 'finish', runId: 1, source: 'select 1', output: failure, elapsedMs: 1 }, { status: 'error', output: failure }],
    ['a stop marks it error with the stop message', cell({ status: 'running', runId: 1 }), { type: 'finish', runId: 1, source: 'select 1', output: { kind: 'stopped', message: 'stopped' }, elapsedMs: 1 }, { status: 'error' }],
    ['editing a done cell makes its output stale', cell({ status: 'done', output: table, ranSource: 'select 1' }), { type: 'edit', source: 'select 2' }, { status: 'stale', source: 'select 2' }],
    ['editing back to the code that ran makes it current again', cell({ status: 'stale', source: 'select 2', output: table, ranSource: 'select 1' }), { type: 'edit', source: 'select 1' }, { status: 'done' }],
    ['editing an idle cell keeps it idle', cell(), { type: 'edit', source: 'select 2' }, { status: 'idle', source: 'select 2' }],
    ['editing a running cell keeps it running', cell({ status: 'running', runId: 1 }), { type: 'edit', source: 'select 2' }, { status: 'running', source: 'select 2' }],
    ['a result of code edited during the run is stale', cell({ status: 'running', runId: 1, source: 'select 2' }), { type: 'finish', runId: 1, source: 'select 1', output: table, elapsedMs: 1 }, { status: 'stale', ranSource: 'select 1' }],
    ['withdrawing a queued run restores the previous status', cell({ status: 'queued', runId: 2, output: table, ranSource: 'select 1' }), { type: 'dequeue', runId: 2 }, { status: 'done' }],
    ['withdrawing a never-run cell makes it idle', cell({ status: 'queued', runId: 2 }), { type: 'dequeue', runId: 2 }, { status: 'idle' }],
  ])('%s', (_name, before, event, expected) => {
    expect(transition(before, event)).toMatchObject(expected);
  });

  it.each<[string, CellEvent]>([
    ['start', { type: 'start', runId: 1 }],
    ['finish', { type: 'finish', runId: 1, source: 'select 1', output: table, elapsedMs: 1 }],
    ['dequeue', { type: 'dequeue', runId: 1 }],
  ])('ignores a %s from an older run, so a re-run never shows the older result', (_name, event) => {
    const queuedAgain = cell({ status: 'queued', runId: 2 });
    expect(transition(queuedAgain, event)).toBe(queuedAgain);
  });

  it('returns the same object when an edit changes nothing', () => {
    const before = cell();
    expect(transition(before, { type: 'edit', source: 'select 1' })).toBe(before);
  });
});
