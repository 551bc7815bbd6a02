// Opening a shared link (#/lessons/<id>?cell=…&code=…): the code goes into its
// cell as the learner's own, but never silently over different code of theirs.
import { readShareLink } from '../../progress';
import type { LessonProgress } from '../../notebook/lesson-progress';
import { strings } from '../strings';

export interface Notice {
  lessonId: string;
  text: string;
  problem: boolean;
  /** The cell the code went into (or stayed out of). */
  cellId?: string;
}

/** null when the hash is not a share link for this lesson; otherwise what to tell the learner. */
export function applySharedLink(hash: string, progress: LessonProgress): Notice | null {
  const shared = readShareLink(hash);
  const lessonId = progress.lesson.id;
  if (!shared || shared.lessonId !== lessonId) return null;
  if (!shared.ok) return { lessonId, text: shared.message, problem: true };
  const { cellId, code } = shared;
  if (progress.originalOf(cellId) === undefined) return { lessonId, text: strings.sharedNoSuchCell(cellId), problem: true };
  if (progress.wouldReplaceOwnCode(cellId, code) && !window.confirm(strings.confirmSharedReplace(cellId))) {
    return { lessonId, text: strings.sharedKept(cellId), problem: false, cellId };
  }
  progress.applyCode(cellId, code);
  return { lessonId, text: strings.sharedApplied(cellId), problem: false, cellId };
}
