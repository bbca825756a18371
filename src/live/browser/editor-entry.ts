// The cell editor of live pages (assets/live-editor.js): CodeMirror 6 with
// TypeScript highlighting, history, bracket matching and Shift-Enter to run.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";

export type CellEditor = { get(): string; set(text: string): void; focus(): void };

function mount(parent: HTMLElement, doc: string, hooks: { onChange(text: string): void; onRun(): void }): CellEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        javascript({ typescript: true }),
        keymap.of([{ key: "Shift-Enter", run: () => (hooks.onRun(), true) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.updateListener.of((u) => u.docChanged && hooks.onChange(u.state.doc.toString())),
        EditorView.contentAttributes.of({ "aria-label": "Cell code (TypeScript)" }),
      ],
    }),
  });
  return {
    get: () => view.state.doc.toString(),
    set: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

(globalThis as Record<string, unknown>).PartitionLabEditor = { mount };
