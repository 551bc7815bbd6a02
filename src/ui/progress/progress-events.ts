// What the notebook does with the progress events its cells fire: each asks the
// lesson's progress controller, after a confirmation that says exactly what a
// reset deletes (the store's own sentence).
import type { LessonProgress } from '../../notebook/lesson-progress';
import { strings } from '../strings';

type Handler = (progress: LessonProgress, id: string) => Promise<unknown>;

const confirmed = (message: string): boolean => window.confirm(message);

const HANDLERS: Record<string, Handler> = {
  'reveal-hint': (p, id) => p.revealHint(id),
  // The panel asked already (try the hints first?).
  'reveal-solution': (p, id) => p.revealSolution(id),
  'cell-reset': async (p, id) => {
    if (confirmed((await p.describeResetCell(id)).message)) await p.resetCell(id);
  },
  'conflict-keep': (p, id) => p.keepMine(id),
  'conflict-take': async (p, id) => {
    if (confirmed((await p.describeResetCell(id)).message)) await p.takeNew(id);
  },
  // The store's sentence is about a cell the lesson still has; this one is gone.
  'orphan-discard': async (p, id) => {
    if (confirmed(strings.confirmDiscard(id))) await p.resetCell(id);
  },
  'lesson-reset': async (p) => {
    const description = await p.describeResetLesson();
    if (description.edits + description.exercises === 0) window.alert(description.message);
    else if (confirmed(description.message)) await p.resetLesson();
  },
};

/** Listens on `host` for the events above; returns a function that stops listening. */
export function listenForProgressEvents(host: HTMLElement, progress: () => LessonProgress | undefined): () => void {
  const stops = Object.entries(HANDLERS).map(([type, handle]) => {
    const listener = (event: Event) => {
      const current = progress();
      if (!current) return;
      event.stopPropagation();
      const id = (event as CustomEvent<{ id?: string }>).detail?.id ?? '';
      handle(current, id).catch((error: unknown) => console.error(error));
    };
    host.addEventListener(type, listener);
    return () => host.removeEventListener(type, listener);
  });
  return () => stops.forEach((stop) => stop());
}
