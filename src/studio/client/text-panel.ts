import type { EditorView } from "@codemirror/view";
import { addDemand, findDemands, movedDemands, removedDemand } from "./demands.js";
import { announce, fill, h, uid } from "./dom.js";
import { createEditor } from "./editor.js";
import { tr } from "./i18n.js";
import type { LibraryBlock } from "./types.js";

export interface TextPanel {
  element: HTMLElement;
  view: EditorView;
  /** Draws the demands list again from the text. */
  refresh: () => void;
  setLibrary: (blocks: LibraryBlock[]) => void;
  goTo: (line: number, column: number) => void;
}

const BLOCK_TYPE = "application/x-opprop-block";
const KINDS = ["demand", "argument", "concern", "fact", "context", "closing", "other"] as const;

/** The text: the editor, the numbered demands beside it, and the block library to take from. */
export function textPanel(initial: string, onChange: (text: string) => void, openBlock: (id: string) => void): TextPanel {
  let library: LibraryBlock[] = [];
  const titleOf = (id: string) => library.find((b) => b.id === id)?.title;
  const editorHost = h("div", { className: "editor" });
  const { view, refreshTitles } = createEditor(editorHost, {
    doc: initial,
    label: tr("textLabel"),
    titleOf,
    onChange: (text) => {
      onChange(text);
      drawDemands();
    },
  });
  const replace = (from: number, to: number, insert: string) => view.dispatch({ changes: { from, to, insert } });
  const insertAtCursor = (text: string) => {
    const { from, to } = view.state.selection.main;
    view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
    view.focus();
  };

  // Footnotes and citations from a menu: the syntax is written for the writer.
  const sources = h("select", { id: uid("src"), "aria-label": tr("insertCitation") });
  const toolbar = h(
    "div",
    { className: "toolbar", role: "toolbar", "aria-label": tr("textTools") },
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          const text = view.state.doc.toString();
          let n = 1;
          while (text.includes(`[^${n}]`)) n++;
          const { from } = view.state.selection.main;
          const definition = `\n\n[^${n}]: `;
          view.dispatch({
            changes: [
              { from, insert: `[^${n}]` },
              { from: text.length, insert: definition },
            ],
            selection: { anchor: text.length + `[^${n}]`.length + definition.length },
          });
          view.focus();
          announce(tr("footnoteAdded", { n }));
        },
      },
      tr("insertFootnote"),
    ),
    sources,
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          if (sources.value) insertAtCursor(`[@${sources.value}]`);
        },
      },
      tr("insertCitation"),
    ),
  );

  // The demands: numbered as they will be, reordered by dragging or Alt+↑/↓.
  const demandsList = h("ol", { className: "demands", "aria-describedby": "demands-help" });
  const moveDemand = (from: number, to: number) => {
    const list = findDemands(view.state.doc.toString());
    if (!list || to < 0 || to >= list.ids.length || from === to) return;
    replace(list.from, list.to, movedDemands(list, from, to));
    drawDemands();
    demandsList.querySelectorAll<HTMLElement>("li")[to]?.focus();
    announce(tr("demandMoved", { title: titleOf(list.ids[from]) ?? list.ids[from], n: to + 1 }));
  };
  function drawDemands() {
    const list = findDemands(view.state.doc.toString());
    // Redrawn only when the demands or their titles changed, so that a build arriving
    // between two key presses does not take the focus away from the item being moved.
    const signature = (list?.ids ?? []).map((id) => `${id}=${titleOf(id) ?? ""}`).join("\n");
    if (demandsList.dataset.signature === signature && demandsList.childElementCount) return;
    demandsList.dataset.signature = signature;
    const focused = [...demandsList.children].indexOf(document.activeElement as Element);
    fill(
      demandsList,
      (list?.ids ?? []).map((id, index) =>
        h(
          "li",
          {
            tabIndex: 0,
            draggable: true,
            "data-block": id,
            "aria-label": tr("demandItem", { n: index + 1, title: titleOf(id) ?? id }),
            onkeydown: (event: KeyboardEvent) => {
              if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
              event.preventDefault();
              moveDemand(index, event.key === "ArrowUp" ? index - 1 : index + 1);
            },
            ondragstart: (event: DragEvent) => {
              event.dataTransfer!.setData("text/x-opprop-demand", String(index));
              event.dataTransfer!.effectAllowed = "move";
            },
            ondragover: (event: DragEvent) => event.preventDefault(),
            ondrop: (event: DragEvent) => {
              event.preventDefault();
              event.stopPropagation();
              const from = event.dataTransfer!.getData("text/x-opprop-demand");
              const block = event.dataTransfer!.getData(BLOCK_TYPE);
              if (from !== "") moveDemand(Number(from), index);
              else if (block) addBlockAsDemand(block, index);
            },
          },
          h("span", { className: "demand-number", "aria-hidden": "true" }, `${index + 1}.`),
          h("span", { className: "demand-title" }, titleOf(id) ?? id),
          h("button", { type: "button", className: "small", onclick: () => removeDemand(index) }, tr("remove"), h("span", { className: "visually-hidden" }, ` ${titleOf(id) ?? id}`)),
        ),
      ),
    );
    if (!list) demandsList.append(h("li", { className: "empty" }, tr("noDemands")));
    if (focused >= 0) (demandsList.children[Math.min(focused, demandsList.childElementCount - 1)] as HTMLElement).focus();
  }
  const removeDemand = (index: number) => {
    const list = findDemands(view.state.doc.toString())!;
    replace(list.from, list.to + (list.ids.length === 1 ? 1 : 0), list.ids.length === 1 ? "" : removedDemand(list, index));
    drawDemands();
    announce(tr("removed"));
  };
  const addBlockAsDemand = (id: string, at?: number) => {
    const change = addDemand(view.state.doc.toString(), id);
    replace(change.from, change.to, change.insert);
    const list = findDemands(view.state.doc.toString())!;
    if (at !== undefined && at < list.ids.length - 1) moveDemand(list.ids.length - 1, at);
    drawDemands();
    announce(tr("demandAdded", { title: titleOf(id) ?? id, n: findDemands(view.state.doc.toString())!.ids.length }));
  };
  const demandsBox = h(
    "section",
    {
      className: "demands-box",
      "aria-labelledby": "demands-heading",
      ondragover: (event: DragEvent) => event.preventDefault(),
      ondrop: (event: DragEvent) => {
        const block = event.dataTransfer!.getData(BLOCK_TYPE);
        if (block) addBlockAsDemand(block);
      },
    },
    h("h2", { id: "demands-heading" }, tr("demands")),
    h("p", { className: "hint", id: "demands-help" }, tr("demandsHelp")),
    demandsList,
  );

  // The library: search by text, kind and tag.
  const search = h("input", { type: "search", id: "library-search", oninput: () => drawLibrary() });
  const kind = h("select", { id: "library-kind", onchange: () => drawLibrary() }, h("option", { value: "" }, tr("allKinds")), KINDS.map((k) => h("option", { value: k }, tr(`kind_${k}`))));
  const tag = h("select", { id: "library-tag", onchange: () => drawLibrary() }, h("option", { value: "" }, tr("allTags")));
  const results = h("ul", { className: "library-results" });
  const count = h("p", { className: "hint", role: "status" });
  function drawLibrary() {
    const words = search.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const shown = library.filter(
      (b) =>
        (!kind.value || b.kind === kind.value) &&
        (!tag.value || b.tags.includes(tag.value)) &&
        words.every((w) => `${b.title} ${b.id} ${b.text} ${b.tags.join(" ")}`.toLocaleLowerCase().includes(w)),
    );
    count.textContent = tr("blocksShown", { n: shown.length });
    fill(
      results,
      shown.map((block) => {
        const reading = h("p", { className: "block-text", hidden: true }, block.text);
        const readId = uid("read");
        reading.id = readId;
        return h(
          "li",
          {
            draggable: true,
            "data-block": block.id,
            ondragstart: (event: DragEvent) => {
              event.dataTransfer!.setData(BLOCK_TYPE, block.id);
              // Dropped into the editor, a block is its include.
              event.dataTransfer!.setData("text/plain", `{{> ${block.id}}}`);
              event.dataTransfer!.effectAllowed = "copy";
            },
          },
          h("h3", {}, block.title),
          h("p", { className: "block-meta" }, tr(`kind_${block.kind as (typeof KINDS)[number]}`), block.tags.length ? ` · ${block.tags.join(", ")}` : "", ` · ${block.langs.join("/")}`),
          h(
            "div",
            { className: "row-buttons" },
            h(
              "button",
              {
                type: "button",
                className: "small",
                "aria-expanded": "false",
                "aria-controls": readId,
                onclick: (event: Event) => {
                  reading.hidden = !reading.hidden;
                  (event.currentTarget as HTMLElement).setAttribute("aria-expanded", String(!reading.hidden));
                },
              },
              tr("read"),
              h("span", { className: "visually-hidden" }, ` ${block.title}`),
            ),
            h("button", { type: "button", className: "small", onclick: () => addBlockAsDemand(block.id) }, tr("addAsDemand"), h("span", { className: "visually-hidden" }, ` ${block.title}`)),
            h("button", { type: "button", className: "small", onclick: () => insertAtCursor(`{{> ${block.id}}}`) }, tr("insertAtCursor"), h("span", { className: "visually-hidden" }, ` ${block.title}`)),
            h("button", { type: "button", className: "small", onclick: () => openBlock(block.id) }, tr("openBlock"), h("span", { className: "visually-hidden" }, ` ${block.title}`)),
          ),
          reading,
        );
      }),
    );
  }
  const libraryBox = h(
    "section",
    { className: "library", "aria-labelledby": "library-heading" },
    h("h2", { id: "library-heading" }, tr("library")),
    h(
      "div",
      { className: "library-filters" },
      h("div", { className: "field" }, h("label", { htmlFor: "library-search" }, tr("search")), search),
      h("div", { className: "field" }, h("label", { htmlFor: "library-kind" }, tr("kind")), kind),
      h("div", { className: "field" }, h("label", { htmlFor: "library-tag" }, tr("tag")), tag),
    ),
    count,
    results,
  );

  drawDemands();
  return {
    element: h("div", { className: "text-panel" }, h("div", { className: "text-main" }, toolbar, editorHost), h("div", { className: "text-side" }, demandsBox, libraryBox)),
    view,
    refresh: drawDemands,
    setLibrary(blocks) {
      library = blocks;
      const tags = [...new Set(blocks.flatMap((b) => b.tags))].sort((a, b) => a.localeCompare(b, "nb"));
      fill(tag, h("option", { value: "" }, tr("allTags")), tags.map((t) => h("option", { value: t }, t)));
      const cited = blocks.flatMap((b) => b.sources.map((s) => [s.id, s.title] as const));
      fill(sources, [...new Map(cited)].map(([id, title]) => h("option", { value: id }, title)));
      refreshTitles();
      drawDemands();
      drawLibrary();
    },
    goTo(line, column) {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
      view.dispatch({ selection: { anchor: Math.min(target.from + column - 1, target.to) }, scrollIntoView: true });
      view.focus();
    },
  };
}
