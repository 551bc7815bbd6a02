// Hash routes, so the built site works from any sub-path and from a plain
// file server: #/ is the lesson list, #/lessons/<id> opens a lesson (a query
// after it, as in a shared link, still opens the lesson), #/progress is the
// learner's saved work.
export type Route = { page: 'home' } | { page: 'lesson'; id: string } | { page: 'progress' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '');
  const match = /^\/lessons\/([^/?]+)$/.exec(path);
  if (match) {
    try {
      return { page: 'lesson', id: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'home' };
    }
  }
  if (path === '/progress') return { page: 'progress' };
  return { page: 'home' };
}

export function lessonHref(id: string): string {
  return `#/lessons/${encodeURIComponent(id)}`;
}

export const PROGRESS_HREF = '#/progress';
