// Hash routes, so the built site works from any sub-path and from a plain
// file server: #/ is the lesson list, #/lessons/<id> opens a lesson.
export type Route = { page: 'home' } | { page: 'lesson'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  const match = /^\/lessons\/([^/?]+)/.exec(path);
  if (match) return { page: 'lesson', id: decodeURIComponent(match[1]) };
  return { page: 'home' };
}

export function lessonHref(id: string): string {
  return `#/lessons/${encodeURIComponent(id)}`;
}
