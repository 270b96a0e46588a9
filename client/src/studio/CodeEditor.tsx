import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { Diagnostic } from '@chaos-quest/engine';
import { useEffect, useRef, type Ref } from 'react';
import schemaJson from '../../../scenarios/schema.json';
import { contextAt, docAt, keyPathAt, keysAt, valuesAt, type JsonSchema } from './schema-help.ts';

const schema = schemaJson as JsonSchema;

export interface EditorHandle {
  /** Moves the cursor to a 1-based line and column, scrolls there and focuses the editor. */
  goTo(line: number, col?: number): void;
  /** Replaces the whole text (a reload from disk), as one undoable change. */
  replaceText(text: string): void;
  text(): string;
}

function complete(context: CompletionContext): CompletionResult | null {
  const text = context.state.doc.toString();
  const at = contextAt(text, context.pos);
  if (!at) return null;
  if (at.kind === 'key') {
    if (at.typed === '' && !context.explicit) return null;
    const keys = keysAt(schema, at.path);
    if (keys.length === 0) return null;
    return {
      from: at.from,
      options: keys.map((k) => ({
        label: k.key,
        apply: `${k.key}: `,
        detail: k.detail,
        info: k.doc,
        type: 'property',
      })),
      validFor: /^[\w-]*$/,
    };
  }
  const values = valuesAt(schema, at.path);
  if (values.length === 0) return null;
  return { from: at.from, options: values.map((v) => ({ label: v, type: 'enum' })), validFor: /^[\w./-]*$/ };
}

const schemaHover = hoverTooltip((view, pos) => {
  const path = keyPathAt(view.state.doc.toString(), pos);
  const doc = path ? docAt(schema, path) : null;
  if (!path || !doc) return null;
  return {
    pos,
    create() {
      const dom = document.createElement('div');
      dom.className = 'studio-hover';
      const title = document.createElement('strong');
      title.textContent = path.filter((p) => p !== '[]').join('.');
      const body = document.createElement('p');
      body.textContent = doc;
      dom.append(title, body);
      return { dom };
    },
  };
});

const editorTheme = EditorView.theme({
  '&': { height: '56vh', fontSize: '13px', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 45%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '.studio-hover': { maxWidth: '380px', padding: '6px 8px', fontSize: '0.85rem', fontFamily: 'var(--font)' },
  '.studio-hover p': { margin: '4px 0 0' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '&.cm-focused': { outline: '2px solid var(--focus)' },
});

/** Engine diagnostics (1-based line and column) as CodeMirror ones (offsets), clipped to the text. */
function toCm(state: EditorState, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  const doc = state.doc;
  return diagnostics.map((d) => {
    const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
    const from = Math.min(line.from + Math.max(0, d.col - 1), line.to);
    const to = from < line.to ? line.to : from;
    return { from, to, severity: d.severity, message: `${d.code} ${d.message}`, source: d.code };
  });
}

/**
 * The YAML editor: CodeMirror 6 with completion and hover docs from the scenario schema, and the
 * diagnostics it is given shown inline. The text is owned here (typing never re-renders React);
 * `onChange` reports each new text, `onSave` runs on Ctrl/Cmd-S.
 */
export function CodeEditor(props: {
  initialText: string;
  /** A new key starts a fresh document (another file opened). */
  docKey: string;
  diagnostics: readonly Diagnostic[];
  label: string;
  onChange(text: string): void;
  onSave(): void;
  ref?: Ref<EditorHandle>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange: props.onChange, onSave: props.onSave });
  callbacks.current = { onChange: props.onChange, onSave: props.onSave };

  useEffect(() => {
    if (!host.current) return;
    const state = EditorState.create({
      doc: props.initialText,
      extensions: [
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (callbacks.current.onSave(), true) }]),
        basicSetup,
        yaml(),
        EditorView.lineWrapping,
        autocompletion({ override: [complete] }),
        schemaHover,
        editorTheme,
        EditorView.contentAttributes.of({ 'aria-label': props.label, 'aria-multiline': 'true', tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    // In a shadow root, CodeMirror's styles go in a constructed style sheet, which the app's
    // Content-Security-Policy (no inline styles) allows; in the document they would be a <style> tag.
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const created = new EditorView({ state, parent: root, root });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // A new document only when another file is opened; text changes flow through the view itself.
  }, [props.docKey]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    current.dispatch(setDiagnostics(current.state, toCm(current.state, props.diagnostics)));
  }, [props.diagnostics]);

  useEffect(() => {
    const handle: EditorHandle = {
      goTo(line, col = 1) {
        const current = view.current;
        if (!current) return;
        const doc = current.state.doc;
        const target = doc.line(Math.min(Math.max(1, line), doc.lines));
        const anchor = Math.min(target.from + Math.max(0, col - 1), target.to);
        current.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
        current.focus();
      },
      replaceText(text) {
        const current = view.current;
        if (!current || current.state.doc.toString() === text) return;
        current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: text } });
      },
      text: () => view.current?.state.doc.toString() ?? '',
    };
    if (typeof props.ref === 'function') props.ref(handle);
    else if (props.ref) props.ref.current = handle;
  });

  return <div className="studio-editor" ref={host} />;
}
