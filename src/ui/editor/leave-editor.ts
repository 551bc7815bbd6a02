// Keyboard users must be able to leave a code editor, where Tab indents:
// Escape then Tab (or Shift+Tab) moves focus to the next (previous) control
// on the page. Monaco's own Ctrl+M (tab moves focus) still works too.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focusable, visible elements of the page, in document order, outside `skip`. */
function focusables(skip: Element): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !skip.contains(el) && el.getClientRects().length > 0 && !el.closest('[hidden], [inert]'),
  );
}

/** Moves focus to the first control after (or before) `from`, outside it. */
export function focusBeside(from: Element, forward: boolean): boolean {
  const all = focusables(from);
  const target = forward
    ? all.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
    : all.reverse().find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  target?.focus();
  return target !== undefined;
}

/**
 * Watches keydown inside `host` (in the capture phase, before the editor sees
 * it): Escape arms, Tab right after leaves, any other key disarms.
 */
export function leaveWithEscapeTab(host: HTMLElement, around: Element): () => void {
  let armed = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      armed = true;
      return;
    }
    if (event.key === 'Shift') return;
    if (armed && event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (focusBeside(around, !event.shiftKey)) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    armed = false;
  };
  const disarm = () => (armed = false);
  host.addEventListener('keydown', onKey, true);
  host.addEventListener('focusout', disarm);
  return () => {
    host.removeEventListener('keydown', onKey, true);
    host.removeEventListener('focusout', disarm);
  };
}
