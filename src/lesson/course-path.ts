// The course as a path: which lesson a route names (by id or by number, as
// the cards show it), and the lessons before and after one. The playground
// (order 0) is not a step on the path.
import type { CatalogEntry } from './catalog';

/** The entry a route's id names: its lesson id, or its number ("01", "9"). */
export function findLesson(catalog: readonly CatalogEntry[], routeId: string): CatalogEntry | undefined {
  const byId = catalog.find((e) => e.id === routeId);
  if (byId || !/^\d{1,3}$/.test(routeId)) return byId;
  const order = Number(routeId);
  return order === 0 ? undefined : catalog.find((e) => e.order === order);
}

/** The lessons just before and after `id` in course order, skipping the playground. */
export function neighbours(catalog: readonly CatalogEntry[], id: string): { previous?: CatalogEntry; next?: CatalogEntry } {
  const path = catalog.filter((e) => e.order > 0).sort((a, b) => a.order - b.order);
  const i = path.findIndex((e) => e.id === id);
  if (i < 0) return {};
  return { previous: path[i - 1], next: path[i + 1] };
}
