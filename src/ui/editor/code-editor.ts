// A Monaco wrapper that knows who changed the text: it creates the editor
// once, applies outside changes of `value` without echoing them, and fires
// `code-change` for the learner's own edits only. Until Monaco has loaded, a
// plain textarea stands in, so the lesson is readable and editable at once.
import { LitElement, html, type PropertyValues } from 'lit';
import type { editor as MonacoEditor } from 'monaco-editor';
import { strings } from '../strings';
import { leaveWithEscapeTab } from './leave-editor';

type Monaco = typeof import('monaco-editor');

let monacoPromise: Promise<Monaco> | undefined;
function loadMonaco(): Promise<Monaco> {
  monacoPromise ??= import('./monaco-setup').then((m) => m.monaco);
  return monacoPromise;
}

export type EditorLanguage = 'sql' | 'javascript' | 'yaml';

/** An error to mark in the code: 1-based line and columns, and what to say on hover. */
export interface EditorMarker {
  line: number;
  startColumn: number;
  endColumn: number;
  message: string;
}

export interface RunRequestDetail {
  /** Shift+Enter moves on to the next cell; Ctrl/Cmd+Enter stays. */
  advance: boolean;
}

const MAX_HEIGHT_PX = 480;

/**
 * Typing at a person's pace must come out as typed, the way a SQL console
 * behaves: Enter is always a newline (Tab accepts a suggestion), nothing is
 * committed by typing `.` or `(`, suggestions come only from the completion
 * providers (schema, SQLite's words, aliases), never from words elsewhere in
 * the text; a closing bracket or quote types over the one the editor put
 * there. Indentation is kept from the line above but never added by brackets:
 * Enter between `(` and `)` would otherwise push the `)` onto a line of its own,
 * and the learner's own `)` then becomes a second one.
 */
const SAFE_TYPING = {
  acceptSuggestionOnEnter: 'off',
  acceptSuggestionOnCommitCharacter: false,
  tabCompletion: 'off',
  wordBasedSuggestions: 'off',
  snippetSuggestions: 'none',
  suggestOnTriggerCharacters: true,
  autoClosingBrackets: 'languageDefined',
  autoClosingQuotes: 'languageDefined',
  autoClosingOvertype: 'always',
  autoClosingDelete: 'always',
  autoIndent: 'keep',
  formatOnType: false,
  suggest: { preview: false, showWords: false, showSnippets: false },
} as const satisfies MonacoEditor.IStandaloneEditorConstructionOptions;

export class CodeEditor extends LitElement {
  static override properties = {
    value: { attribute: false },
    language: {},
    label: {},
    marker: { attribute: false },
    loaded: { state: true },
  };
  declare value: string;
  declare language: EditorLanguage;
  declare label: string;
  /** The error the last run found in this code, marked under its token; undefined clears it. */
  declare marker: EditorMarker | undefined;
  declare loaded: boolean;

  private editor?: MonacoEditor.IStandaloneCodeEditor;
  private monaco?: Monaco;
  /** Set while we write `value` into Monaco, so that write is not reported as an edit. */
  private applyingOutsideChange = false;
  private stopLeaveKeys?: () => void;

  constructor() {
    super();
    this.value = '';
    this.language = 'sql';
    this.label = '';
    this.loaded = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadMonaco().then((monaco) => this.createEditor(monaco));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The editor first: a model disposed under a live editor makes its listeners throw.
    this.stopLeaveKeys?.();
    this.stopLeaveKeys = undefined;
    const model = this.editor?.getModel();
    this.editor?.dispose();
    model?.dispose();
    this.editor = undefined;
    this.loaded = false;
  }

  override focus(): void {
    if (this.editor) this.editor.focus();
    else this.querySelector('textarea')?.focus();
  }

  override render() {
    return html`
      <div class="monaco-host" ?hidden=${!this.loaded}></div>
      ${this.loaded
        ? null
        : html`<textarea
            class="editor-fallback"
            spellcheck="false"
            aria-label=${this.label}
            .value=${this.value}
            rows=${Math.min(20, this.value.split('\n').length + 1)}
            @input=${this.onFallbackInput}
            @keydown=${this.onFallbackKey}
          ></textarea>
          <span class="editor-loading" aria-live="polite">${strings.loadingEditor}</span>`}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.editor && this.editor.getValue() !== this.value) {
      this.applyingOutsideChange = true;
      this.editor.setValue(this.value);
      this.applyingOutsideChange = false;
    }
    if ((changed.has('marker') || changed.has('loaded')) && this.editor) this.applyMarker();
  }

  private applyMarker(): void {
    const model = this.editor?.getModel();
    if (!model || !this.monaco) return;
    const m = this.marker;
    this.monaco.editor.setModelMarkers(
      model,
      'sqlite',
      m
        ? [{ severity: this.monaco.MarkerSeverity.Error, message: m.message, startLineNumber: m.line, endLineNumber: m.line, startColumn: m.startColumn, endColumn: m.endColumn, source: 'SQLite' }]
        : [],
    );
  }

  private createEditor(monaco: Monaco): void {
    if (!this.isConnected || this.editor) return;
    const host = this.querySelector<HTMLElement>('.monaco-host')!;
    const editor = monaco.editor.create(host, {
      value: this.value,
      language: this.language,
      ariaLabel: this.label,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fontSize: 14,
      lineNumbersMinChars: 3,
      wordWrap: 'on',
      tabSize: 2,
      renderLineHighlight: 'none',
      fixedOverflowWidgets: true,
      overviewRulerLanes: 0,
      scrollbar: { alwaysConsumeMouseWheel: false, vertical: 'auto' },
      padding: { top: 8, bottom: 8 },
      ...SAFE_TYPING,
    });
    this.editor = editor;
    this.monaco = monaco;
    this.stopLeaveKeys = leaveWithEscapeTab(host, this);
    editor.onDidChangeModelContent(() => {
      if (this.applyingOutsideChange) return;
      this.value = editor.getValue();
      this.dispatchEvent(new CustomEvent('code-change', { detail: this.value, bubbles: true, composed: true }));
    });
    // addAction binds per editor; addCommand would bind to whichever editor had focus last.
    editor.addAction({
      id: 'dew.run-and-advance',
      label: 'Run cell and move to the next',
      keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => this.requestRun(true),
    });
    editor.addAction({
      id: 'dew.run-in-place',
      label: 'Run cell',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => this.requestRun(false),
    });
    const fit = () => {
      host.style.height = `${Math.min(MAX_HEIGHT_PX, editor.getContentHeight())}px`;
    };
    editor.onDidContentSizeChange(fit);
    const hadFocus = this.querySelector('textarea') === document.activeElement;
    this.loaded = true;
    void this.updateComplete.then(() => {
      fit();
      editor.layout();
      if (hadFocus) editor.focus();
    });
  }

  private onFallbackInput(event: InputEvent): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.dispatchEvent(new CustomEvent('code-change', { detail: this.value, bubbles: true, composed: true }));
  }

  private onFallbackKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      this.requestRun(event.shiftKey);
    }
  }

  private requestRun(advance: boolean): void {
    this.dispatchEvent(
      new CustomEvent<RunRequestDetail>('run-request', { detail: { advance }, bubbles: true, composed: true }),
    );
  }
}

customElements.define('dew-code-editor', CodeEditor);

declare global {
  interface HTMLElementTagNameMap {
    'dew-code-editor': CodeEditor;
  }
}
