import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { PostgreSQL, sql, SQLNamespace } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Diagnostic, linter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';

/** An error to mark in the text: a 0-based offset into the statement and the message to show there. */
export interface EditorMark {
  offset: number;
  message: string;
}

/**
 * CodeMirror 6 for SQL (PostgreSQL dialect): highlighting, completion of keywords and of `schema` (tables,
 * columns after `tabela.`), Ctrl/Cmd+Enter emits `run`, and `mark` underlines an error where the server found
 * it. Tab is left to move the focus (no keyboard trap).
 */
@Component({
  selector: 'app-sql-editor',
  template: `<div #host class="host" data-testid="sql-editor"></div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SqlEditor {
  /** The text at start (later changes come from typing). */
  readonly initial = input('');
  readonly schema = input<SQLNamespace>({});
  readonly mark = input<EditorMark | null>(null);
  /** The accessible name of the text area. */
  readonly label = input.required<string>();
  readonly placeholder = input('');
  readonly changed = output<string>();
  readonly run = output<void>();

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private readonly language = new Compartment();
  private view: EditorView | undefined;

  constructor() {
    afterNextRender(() => this.create());
    inject(DestroyRef).onDestroy(() => this.view?.destroy());
    effect(() => {
      const schema = this.schema();
      this.view?.dispatch({ effects: this.language.reconfigure(sqlLanguage(schema)) });
    });
    effect(() => this.showMark(this.mark()));
  }

  /** The current text. */
  text(): string {
    return this.view?.state.doc.toString() ?? this.initial();
  }

  focus(): void {
    this.view?.focus();
  }

  private create(): void {
    const state = EditorState.create({
      doc: this.initial(),
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (this.run.emit(), true) }])),
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        this.language.of(sqlLanguage(this.schema())),
        autocompletion({ activateOnTyping: true }),
        // Diagnostics come from the server only (setDiagnostics); this just enables the lint display.
        linter(null),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        placeholder(this.placeholder()),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-label': this.label(),
          'data-testid': 'sql-input',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) this.changed.emit(update.state.doc.toString());
        }),
        EDITOR_THEME,
      ],
    });
    this.view = new EditorView({ state, parent: this.host().nativeElement });
    this.showMark(this.mark());
  }

  private showMark(mark: EditorMark | null): void {
    const view = this.view;
    if (!view) return;
    const diagnostics: Diagnostic[] = [];
    if (mark) {
      const { from, to } = markRange(view.state.doc.toString(), mark.offset);
      diagnostics.push({ from, to, severity: 'error', message: mark.message });
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    }
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }
}

function sqlLanguage(schema: SQLNamespace) {
  return sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true });
}

/** The word at `offset` (or the one character there; the end of the text when past it). */
export function markRange(text: string, offset: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(offset, text.length));
  let to = from;
  while (to < text.length && /[\w$."]/.test(text[to])) to++;
  if (to === from && from < text.length) to = from + 1;
  return { from, to };
}

const EDITOR_THEME = EditorView.theme({
  '&': {
    border: '1px solid var(--mat-sys-outline)',
    borderRadius: '8px',
    backgroundColor: 'var(--mat-sys-surface)',
    color: 'var(--mat-sys-on-surface)',
    fontSize: '14px',
  },
  '&.cm-focused': {
    outline: '2px solid var(--mat-sys-primary)',
    outlineOffset: '-1px',
  },
  '.cm-scroller': {
    minHeight: '180px',
    maxHeight: '45dvh',
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.5',
  },
  '.cm-content': { padding: '8px 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--mat-sys-surface-container)',
    color: 'var(--mat-sys-on-surface-variant)',
    borderRight: '1px solid var(--mat-sys-outline-variant)',
    borderRadius: '8px 0 0 8px',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--mat-sys-primary) 6%, transparent)',
  },
  '.cm-placeholder': { color: 'var(--mat-sys-on-surface-variant)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--mat-sys-primary)',
    color: 'var(--mat-sys-on-primary)',
  },
  '.cm-completionDetail': { fontStyle: 'normal', opacity: '1', marginLeft: '1em' },
});
