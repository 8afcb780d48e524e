import type { BlockContent, DefinitionContent, Root } from "mdast";
import type { Lang, Source } from "../schema/common.js";
import type { Consultation, Recipient, Sender } from "../schema/document.js";
import type { TemplateDef } from "../schema/template.js";
import type { Labels } from "../i18n/index.js";
import type { SignatoryList } from "../signatories/types.js";

/**
 * Everything a renderer needs, as data. Renderers never see Markdown text for the
 * structured parts (recipients, signatories, meta): those stay strings that must be
 * escaped by each output format.
 *
 * The body is mdast. Besides the standard and GFM node types it holds:
 * - `citation` ({ type: "citation", sourceId, number }): a numbered reference into `sources`.
 * Footnote definitions are moved out of the body into `footnotes`; `footnoteReference`
 * nodes stay where they stand and carry `identifier` matching `footnotes[].id`.
 * Every node that came from a block has `data.blockId`.
 */
export interface AssembledDocument {
  /** Absolute path of the document file. */
  file: string;
  /** Output base name: the file name without `.md`. */
  name: string;
  meta: DocumentMeta;
  template: TemplateDef & { name: string };
  labels: Labels;
  body: Root;
  footnotes: Footnote[];
  sources: NumberedSource[];
  signatories: SignatoryList;
  /** First 12 hex characters of SHA-256 over the normalised title, recipients and body. */
  fingerprint: string;
  /** Ids of the blocks included, in order of first use. */
  blocks: string[];
}

export interface DocumentMeta {
  title: string;
  lang: Lang;
  /** ISO day, e.g. 2026-11-22. */
  date: string;
  /** The date written the local way: "22. november 2026". */
  dateText: string;
  to: Recipient[];
  from: Sender[];
  ref: { ours?: string; theirs?: string };
  consultation?: Consultation;
  signature: { name: string; role?: string }[];
  /** Named persons by name as written, or by surname (frontmatter `personOrder`). */
  personOrder: "name" | "surname";
}

export interface Footnote {
  id: string;
  /** 1-based, in order of first reference. */
  number: number;
  children: (BlockContent | DefinitionContent)[];
}

export interface NumberedSource extends Source {
  number: number;
}

/** A reference to a numbered source, written `[@source-id]` in a block. */
export interface Citation {
  type: "citation";
  sourceId: string;
  number: number;
  data?: { blockId?: string };
  position?: import("unist").Position;
}

declare module "mdast" {
  interface PhrasingContentMap {
    citation: Citation;
  }
  interface RootContentMap {
    citation: Citation;
  }
  interface Data {
    blockId?: string;
  }
}
