// "Take it to production": the pipeline as an Airflow DAG file and its SQL
// files, zipped in the tab and saved. Shown as generated text, never run here.
import { LitElement, html } from 'lit';
import { airflowDag, airflowFiles, dagId } from '../../pipeline/airflow';
import { zipFiles } from '../../pipeline/zip';
import type { PipelineSpec } from '../../pipeline/types';
import { pipelineStrings as t } from './strings';

export class PipelineExport extends LitElement {
  static override properties = {
    spec: { attribute: false },
    name: { attribute: false },
  };
  declare spec: PipelineSpec;
  declare name: string;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<details class="pipeline-export">
      <summary>${t.export}</summary>
      <p class="note">${t.exportNote}</p>
      <button class="pl-download" @click=${this.download}>${t.export}</button>
      <pre class="pipeline-export-text" aria-label=${t.exportNote}>${airflowDag(this.spec, this.name)}</pre>
    </details>`;
  }

  private download = (): void => {
    const bytes = zipFiles(airflowFiles(this.spec, this.name));
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${dagId(this.name)}.zip`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
}

customElements.define('dew-pipeline-export', PipelineExport);

declare global {
  interface HTMLElementTagNameMap {
    'dew-pipeline-export': PipelineExport;
  }
}
