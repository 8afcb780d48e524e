import { blockView } from "./block-view.js";
import { documentView, TABS, type DocumentView, type Tab } from "./document-view.js";
import { h } from "./dom.js";
import { tr } from "./i18n.js";
import { startView } from "./start-view.js";

/**
 * The studio in the browser. Views by location hash: `#/` the documents,
 * `#/doc/<path>/<tab>` one document, `#/block/<id>` one block.
 */
const app = document.getElementById("app")!;
const announcer = h("div", { id: "announcer", className: "visually-hidden", "aria-live": "polite" });
let open: DocumentView | undefined;

const navigate = (hash: string) => {
  location.hash = hash;
};

async function route(): Promise<void> {
  const hash = location.hash || "#/";
  const [route, query] = hash.slice(1).split("?");
  const params = new URLSearchParams(query);
  const doc = /^\/doc\/([^/]+)(?:\/(\w+))?$/.exec(route);
  const block = /^\/block\/(.+)$/.exec(route);
  const tab = (TABS as readonly string[]).includes(doc?.[2] ?? "") ? (doc![2] as Tab) : "letter";
  // Another tab of the open document: no reload, only that tab.
  if (doc && open && open.element.isConnected && open.element.dataset.path === decodeURIComponent(doc[1])) return open.select(tab);
  open?.close();
  open = undefined;
  try {
    let view: HTMLElement;
    if (doc) {
      open = await documentView(decodeURIComponent(doc[1]), tab, navigate);
      open.element.dataset.path = decodeURIComponent(doc[1]);
      view = open.element;
    } else if (block) {
      view = await blockView(decodeURIComponent(block[1]), params.get("from") ?? undefined);
    } else {
      view = await startView(navigate);
    }
    app.replaceChildren(view, announcer);
    view.querySelector<HTMLElement>("h1")?.setAttribute("tabindex", "-1");
    view.querySelector<HTMLElement>("h1")?.focus();
  } catch (error) {
    app.replaceChildren(h("main", { className: "start" }, h("h1", {}, tr("somethingWrong")), h("p", { role: "alert" }, (error as Error).message), h("a", { href: "#/" }, tr("allDocuments"))), announcer);
  }
}

// Outside edits and workspace changes, as the server sees them.
const events = new EventSource("/api/events");
events.addEventListener("changed", (event) => {
  const { path, hash } = JSON.parse((event as MessageEvent).data) as { path: string; hash: string };
  open?.onChanged(path, hash);
});
events.addEventListener("workspace", (event) => {
  const { path } = JSON.parse((event as MessageEvent).data) as { path: string };
  open?.onWorkspaceChanged(path);
});

window.addEventListener("hashchange", () => void route());
void route();
