import { api, ApiError } from "./api.js";
import { h, uid } from "./dom.js";
import { tr } from "./i18n.js";

interface Variant {
  lang: string;
  path: string;
  title: string;
  text: string;
  hash: string;
}

/** One block in its own view: its language variants side by side, each saved over the version read. */
export async function blockView(id: string, back: string | undefined): Promise<HTMLElement> {
  const { variants } = await api<{ id: string; variants: Variant[] }>("GET", `/api/block?id=${encodeURIComponent(id)}`);
  const status = h("p", { role: "status", className: "save-status" });
  const columns = variants.map((variant) => {
    const areaId = uid("variant");
    const area = h("textarea", { id: areaId, rows: 18, value: variant.text, spellcheck: true, lang: variant.lang });
    const save = async () => {
      try {
        const saved = await api<{ hash: string }>("PUT", "/api/file", { path: variant.path, baseHash: variant.hash, text: area.value });
        variant.hash = saved.hash;
        status.textContent = tr("blockSaved", { path: variant.path });
      } catch (error) {
        status.textContent = error instanceof ApiError && error.status === 409 ? tr("blockChangedOnDisk") : (error as Error).message;
      }
    };
    return h(
      "section",
      { className: "variant", "aria-labelledby": `${areaId}-h` },
      h("h2", { id: `${areaId}-h` }, tr("variant", { lang: variant.lang })),
      h("label", { htmlFor: areaId }, tr("variantText", { path: variant.path })),
      area,
      h("button", { type: "button", onclick: save }, tr("save"), h("span", { className: "visually-hidden" }, ` ${variant.lang}`)),
    );
  });
  const newId = uid("newid");
  const newInput = h("input", { id: newId, type: "text", value: `${id}-ny` });
  const saveAsNew = async () => {
    const target = newInput.value.trim().replace(/^\/+|\.md$/g, "");
    // The first variant shown (bokmål when there is one) becomes the new block.
    const first = columns[0]?.querySelector("textarea")?.value ?? "";
    try {
      await api("PUT", "/api/file", { path: `demands/${target}.md`, text: first });
      status.textContent = tr("blockCreated", { id: target });
    } catch (error) {
      status.textContent = error instanceof ApiError && error.status === 409 ? tr("blockExists", { id: target }) : (error as Error).message;
    }
  };
  document.title = `${variants[0]?.title ?? id} – ${tr("appName")}`;
  return h(
    "div",
    { className: "block-view" },
    h(
      "header",
      { className: "app-bar" },
      back ? h("a", { href: `#/doc/${encodeURIComponent(back)}/text`, className: "home" }, tr("backToDocument")) : h("a", { href: "#/", className: "home" }, tr("allDocuments")),
      h("h1", { className: "doc-title" }, tr("blockTitle", { title: variants[0]?.title ?? id })),
      status,
    ),
    h(
      "main",
      { className: "block-main" },
      h("div", { className: "variants" }, columns),
      h("div", { className: "save-as-new" }, h("label", { htmlFor: newId }, tr("newBlockId")), newInput, h("button", { type: "button", onclick: saveAsNew }, tr("saveAsNew"))),
    ),
  );
}
