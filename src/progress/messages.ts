// Every sentence the progress layer gives the UI to show, in one object of the
// same shape as src/ui/strings.ts, so the UI catalog (and a Korean translation)
// can take it over without touching the logic.
import type { MemoryOnlyReason, ResetScope } from './types';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const progressMessages = {
  memoryOnly: {
    quota: "Your browser's storage is full: your edits are kept in this tab only. Export your progress to keep them.",
    unavailable:
      'This browser does not let the workbench save data (private browsing, or storage is blocked): your edits are kept in this tab only. Export your progress to keep them.',
    blocked:
      'Another tab of the workbench is using a different version of your saved data: your edits are kept in this tab only. Close the other tabs of the workbench, or export your progress to keep them.',
    'write-failed':
      'Your edits could not be saved in this browser: they are kept in this tab only for now. Export your progress to keep them.',
  } satisfies Record<MemoryOnlyReason, string>,

  readFailed: (detail: string) =>
    `Your saved work could not be read from this browser's storage (${detail}). Reload the page to try again.`,

  reset: (scope: ResetScope, edits: number, exercises: number, lessons: number): string => {
    switch (scope.kind) {
      case 'cell':
        return edits === 0
          ? 'This cell already shows the lesson\'s code; there is nothing to reset.'
          : "This puts the cell back to the lesson's code and deletes your version of it. Your exercise progress is kept.";
      case 'lesson':
        return edits + exercises === 0
          ? 'Nothing is saved for this lesson yet.'
          : `This puts every cell of this lesson back to the lesson's code (${plural(edits, 'cell', 'cells')} of yours) and clears your progress on its exercises (${plural(exercises, 'exercise', 'exercises')}). Other lessons are not touched.`;
      case 'all':
        return edits + exercises === 0
          ? 'Nothing is saved in this browser yet.'
          : `This deletes everything the workbench saved in this browser: your code in ${plural(edits, 'cell', 'cells')} of ${plural(lessons, 'lesson', 'lessons')} and your progress on ${plural(exercises, 'exercise', 'exercises')}. It cannot be undone; export your progress first to keep a copy.`;
    }
  },

  imported: (edits: number, exercises: number, persisted: boolean) =>
    `Imported your code in ${plural(edits, 'cell', 'cells')} and progress on ${plural(exercises, 'exercise', 'exercises')}.` +
    (persisted ? '' : ' They are kept in this tab only, because this browser cannot save them.'),

  importRejected: (first: string, more: number) =>
    `This file cannot be imported, and nothing was changed: ${first}` +
    (more > 0 ? ` (and ${plural(more, 'more problem', 'more problems')})` : ''),

  importProblems: {
    notJson: (detail: string) => `the file is not valid JSON (${detail}). Choose a file exported from the workbench.`,
    tooLarge: (bytes: number, limit: number) =>
      `the file is ${kb(bytes)}, more than a progress export can be (${kb(limit)}).`,
    notObject: (found: string) =>
      `it is not a workbench progress export (expected a JSON object, found ${found}).`,
    noFormat: 'it is not a workbench progress export (it has no "format" field).',
    foreignFormat: (found: string) =>
      `it is not a workbench progress export ("format" is ${found}, expected "de-workbench-progress").`,
    newerVersion: (version: number) =>
      `it was exported by a newer version of the workbench (format version ${version}); this version reads version 1. Update the workbench, then import again.`,
    badVersion: (found: string) => `"version" must be 1, found ${found}.`,
    notList: (field: string, found: string) => `"${field}" must be a list, found ${found}.`,
    notRecord: (found: string) => `each entry must be an object, found ${found}.`,
    field: (field: string, expected: string, found: string) => `"${field}" must be ${expected}, found ${found}.`,
    inconsistent: (field: string, flag: string, value: boolean) =>
      `"${field}" must be ${value ? 'a date' : 'null'} when "${flag}" is ${value}.`,
    duplicate: (lessonId: string, cellId: string, first: string) =>
      `lesson "${lessonId}", cell "${cellId}" appears twice (first at ${first}).`,
  },

  share: {
    tooLarge: (bytes: number, limit: number) =>
      `This cell's code is too long to share as a link (${kb(bytes)}; a link can carry up to ${kb(limit)}). Export your progress to share it instead.`,
    noCell: 'The shared link has code but does not say which cell it is for. Ask for the link again.',
    damaged: 'The shared link is damaged (its code could not be read). Ask for the link again.',
  },
};

export type ProgressMessages = typeof progressMessages;
