// The course: every lesson file parsed, in order. A broken file becomes an
// entry with its errors instead of breaking the catalog, so one bad lesson
// never takes the others down.
import { lessonOrderFromFile } from './file-name';
import { parseLesson } from './parse';
import { STAGES, type Lesson, type LessonIssue, type Stage } from './types';

interface EntryBase {
  id: string;
  title: string;
  stage: Stage;
  order: number;
  file: string;
}

export type CatalogEntry = (EntryBase & { ok: true; lesson: Lesson }) | (EntryBase & { ok: false; errors: LessonIssue[] });

/** files maps a path such as lessons/01-first-look.md to its text. */
export function buildCatalog(files: Record<string, string>): CatalogEntry[] {
  const entries = Object.entries(files).map(([file, text]) => entryFor(file, text));
  markDuplicateIds(entries);
  return entries.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
}

function entryFor(file: string, text: string): CatalogEntry {
  const parsed = parseLesson(file, text);
  if (parsed.ok) {
    const { lesson } = parsed;
    return { ok: true, id: lesson.id, title: lesson.title, stage: lesson.stage, order: lesson.order, file, lesson };
  }
  // Enough to list and route to the broken lesson, so its error page can be shown.
  const slug = /(?:^|\/)(?:\d+-)?([^/]+)\.md$/.exec(file)?.[1] ?? file;
  const declared = /^stage:\s*["']?(\w+)/m.exec(text)?.[1];
  const stage = STAGES.find((s) => s === declared) ?? STAGES[0];
  return {
    ok: false,
    id: slug,
    title: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    stage,
    order: lessonOrderFromFile(file) ?? Number.MAX_SAFE_INTEGER,
    file,
    errors: parsed.errors,
  };
}

/** Two files claiming one id would make one of them unreachable; both are reported. */
function markDuplicateIds(entries: CatalogEntry[]): void {
  const byId = new Map<string, CatalogEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const entry of same) {
      const others = same.filter((e) => e !== entry).map((e) => e.file).join(', ');
      const issue = { file: entry.file, line: 1, message: `lesson id '${id}' is also used by ${others} — give each lesson its own id` };
      const index = entries.indexOf(entry);
      entries[index] = { ...entry, ok: false, errors: entry.ok ? [issue] : [...entry.errors, issue] };
    }
  }
}
