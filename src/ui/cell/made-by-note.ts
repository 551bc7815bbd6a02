import { html, type TemplateResult } from 'lit';
import type { MadeBy } from '../../notebook/made-by-exercise';
import type { FocusCellDetail } from '../lineage/lineage-view';
import { strings } from '../strings';

/**
 * "t is made by the exercise x" with a button that takes the learner there;
 * `from` dispatches the focus-cell event the notebook handles.
 */
export function madeByNote(from: HTMLElement, { table, exercise }: MadeBy): TemplateResult {
  const focus = () =>
    from.dispatchEvent(new CustomEvent<FocusCellDetail>('focus-cell', { detail: { cellId: exercise }, bubbles: true, composed: true }));
  return html`<p class="made-by">
    ${strings.madeByExercise(table, exercise)}
    <button type="button" @click=${focus}>${strings.goToExercise(exercise)}</button>
  </p>`;
}
