import { api } from "./api.js";
import { fill, h, uid } from "./dom.js";
import { tr } from "./i18n.js";

interface Listed {
  path: string;
  title: string;
  template: string;
  errors: number;
  warnings: number;
}

/** The start: the workspace's documents with their problem counts, and new ones from a template. */
export function startView(navigate: (hash: string) => void): HTMLElement {
  const error = h("p", { className: "field-error", role: "alert" });
  const create = async (request: Promise<{ path: string }>) => {
    try {
      const { path } = await request;
      navigate(`#/doc/${encodeURIComponent(path)}/letter`);
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  };
  const newForm = (template: "stotteerklaering" | "opprop", label: string) => {
    const id = uid("title");
    const input = h("input", { id, type: "text", required: true });
    return h(
      "form",
      {
        className: "new-document",
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (!input.value.trim()) {
            error.textContent = tr("titleNeeded");
            input.focus();
            return;
          }
          void create(api("POST", "/api/documents", { template, title: input.value }));
        },
      },
      h("h3", {}, label),
      h("div", { className: "field" }, h("label", { htmlFor: id }, tr("title")), input),
      h("button", { type: "submit" }, tr("create"), h("span", { className: "visually-hidden" }, ` ${label}`)),
    );
  };
  const horingssvar = () => {
    const fileId = uid("consulted");
    const issuerId = uid("issuer");
    const deadlineId = uid("deadline");
    const file = h("input", { id: fileId, type: "file", accept: ".docx,.md", required: true });
    const issuer = h("input", { id: issuerId, type: "text" });
    const deadline = h("input", { id: deadlineId, type: "date" });
    return h(
      "form",
      {
        className: "new-document",
        onsubmit: (event: Event) => {
          event.preventDefault();
          const chosen = file.files?.[0];
          if (!chosen) {
            error.textContent = tr("consultedNeeded");
            file.focus();
            return;
          }
          const query = new URLSearchParams({ name: chosen.name, issuer: issuer.value, deadline: deadline.value });
          void create(api("POST", `/api/documents/horingssvar?${query}`, chosen));
        },
      },
      h("h3", {}, tr("newHoringssvar")),
      h("div", { className: "field" }, h("label", { htmlFor: fileId }, tr("consultedDocument")), h("p", { className: "hint" }, tr("consultedHint")), file),
      h("div", { className: "field" }, h("label", { htmlFor: issuerId }, tr("issuer")), issuer),
      h("div", { className: "field" }, h("label", { htmlFor: deadlineId }, tr("deadline")), deadline),
      h("button", { type: "submit" }, tr("create"), h("span", { className: "visually-hidden" }, ` ${tr("newHoringssvar")}`)),
    );
  };
  // The page shows at once; the list follows when every document has been checked.
  const list = h("ul", { className: "document-list", "aria-busy": "true" }, h("li", {}, tr("checkingDocuments")));
  const entry = (doc: Listed) =>
    h(
      "li",
      {},
      h("a", { href: `#/doc/${encodeURIComponent(doc.path)}/letter` }, doc.title),
      h("span", { className: "doc-file" }, ` ${doc.path}`),
      h("span", { className: doc.errors ? "count errors" : doc.warnings ? "count warnings" : "count ok" }, doc.errors || doc.warnings ? tr("problemSummary", { errors: doc.errors, warnings: doc.warnings }) : tr("noProblemsShort")),
    );
  api<{ documents: Listed[] }>("GET", "/api/documents").then(
    ({ documents }) => {
      list.removeAttribute("aria-busy");
      fill(list, documents.length ? documents.map(entry) : h("li", {}, tr("noDocuments")));
    },
    (e: Error) => fill(list, h("li", { role: "alert" }, e.message)),
  );
  document.title = tr("appName");
  return h(
    "div",
    { className: "start-view" },
    h("header", { className: "app-bar" }, h("p", { className: "home" }, tr("appName"))),
    h(
      "main",
      { className: "start" },
      h("h1", {}, tr("documents")),
      list,
      h("h2", {}, tr("newDocument")),
      error,
      h("div", { className: "new-documents" }, newForm("stotteerklaering", tr("newStotteerklaering")), newForm("opprop", tr("newOpprop")), horingssvar()),
    ),
  );
}
