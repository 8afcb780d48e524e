import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdownLanguage } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { Annotation, EditorState, StateEffect } from "@codemirror/state";
import { Decoration, EditorView, keymap, MatchDecorator, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { tr } from "./i18n.js";

/** Says the block titles changed (the library loaded): the chips draw again. */
const titlesChanged = StateEffect.define<null>();

/** Marks a change that came from disk, not from the writer: it is not saved back. */
const fromDisk = Annotation.define<boolean>();

/** A block include shown as its title, not as `{{> id}}`. */
class ChipWidget extends WidgetType {
  constructor(
    readonly id: string,
    readonly title: string,
  ) {
    super();
  }
  eq(other: ChipWidget): boolean {
    return other.id === this.id && other.title === this.title;
  }
  toDOM(): HTMLElement {
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.dataset.block = this.id;
    chip.title = this.id;
    chip.textContent = this.title;
    chip.setAttribute("aria-label", tr("chipLabel", { title: this.title }));
    return chip;
  }
}

export interface EditorOptions {
  doc: string;
  label: string;
  titleOf: (id: string) => string | undefined;
  onChange: (text: string) => void;
}

export function createEditor(parent: HTMLElement, options: EditorOptions): { view: EditorView; refreshTitles: () => void } {
  const decorator = new MatchDecorator({
    regexp: /\{\{>\s*([^\s}]+)\s*\}\}/g,
    decoration: (match) => Decoration.replace({ widget: new ChipWidget(match[1], options.titleOf(match[1]) ?? match[1]) }),
  });
  const chips = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view);
      }
      update(update: ViewUpdate) {
        const retitled = update.transactions.some((tr) => tr.effects.some((e) => e.is(titlesChanged)));
        this.decorations = retitled ? decorator.createDeco(update.view) : decorator.updateDeco(update, this.decorations);
      }
    },
    {
      decorations: (plugin) => plugin.decorations,
      // The cursor steps over a chip as one unit; Backspace removes the whole include.
      provide: (plugin) => EditorView.atomicRanges.of((view) => view.plugin(plugin)?.decorations ?? Decoration.none),
    },
  );
  // CodeMirror adds its styles as a <style> element to a document, which the studio's CSP
  // (no inline styles) refuses; inside a shadow root it uses a constructed style sheet instead.
  const shadow = parent.attachShadow({ mode: "open" });
  const stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = "/studio.css";
  const host = document.createElement("div");
  shadow.append(stylesheet, host);
  const view = new EditorView({
    parent: host,
    root: shadow,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        // Markdown alone: `markdown()` would also bundle HTML, CSS and JavaScript for code blocks (150 KB).
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.lineWrapping,
        chips,
        EditorView.contentAttributes.of({ "aria-label": options.label, "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((t) => t.annotation(fromDisk))) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return { view, refreshTitles: () => view.dispatch({ effects: titlesChanged.of(null) }) };
}

/** Replaces the whole text (a reload from disk) without it counting as the writer's edit. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: fromDisk.of(true) });
}
