// Copying a cell's code as a link. The clipboard may refuse (no permission, an
// insecure origin); then a prompt shows the link, selected, to copy by hand.
import { shareLink } from '../../progress';
import { strings } from '../strings';

export type ShareOutcome = { kind: 'copied' | 'prompted' } | { kind: 'refused'; message: string };

export async function copyShareLink(lessonId: string, cellId: string, code: string): Promise<ShareOutcome> {
  const link = shareLink(location.href, lessonId, cellId, code);
  if (!link.ok) return { kind: 'refused', message: link.message };
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(link.href);
    return { kind: 'copied' };
  } catch {
    window.prompt(strings.copyThisLink, link.href);
    return { kind: 'prompted' };
  }
}
