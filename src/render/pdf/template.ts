/**
 * The Typst template, as a TS string so that it ships inside dist/. It reads the
 * document as JSON from `sys.inputs.doc` (see data.ts) and walks it with one
 * function per node type; user text is only ever a string value, never markup. The
 * font families come as `sys.inputs.fonts` (`text` and `mono`, see compilers.ts).
 */
export const TEMPLATE = String.raw`
#let d = json(bytes(sys.inputs.doc))
#let fonts = json(bytes(sys.inputs.fonts))
#let PAGE = "\u{E000}"
#let PAGES = "\u{E001}"
#let accent = rgb(d.style.headingColor)
// data.ts marks break points in over-long runs with a zero-width space. As a character
// it makes pdf.js drop the letters next to it, and a zero h() is no break opportunity,
// so t() puts an empty box there: Typst may break a line at an inline box, and it adds
// nothing to the text. Every shown data string goes through t().
#let ZWSP = "\u{200B}"
#let wrappable(s, piece) = s.split(ZWSP).map(piece).join(box())
#let t(s) = if s.contains(ZWSP) { wrappable(s, p => p) } else { s }
#let code(s, block: false) = if s.contains(ZWSP) { std.block(wrappable(s, raw)) } else { raw(s, block: block) }

#set document(title: d.document.title, author: d.document.author, date: auto)
// LibreOffice rounds glyph advances up to whole twips, so a line Typst just fits can wrap there;
// 1.5 pt less width makes such borderline lines wrap alike (measured on the example documents).
#let LO-SLACK = 1.5pt
#set page(paper: "a4", margin: (top: 2.5cm, bottom: 2.5cm, left: 2.5cm, right: 2.5cm + LO-SLACK), footer: context {
  set text(size: 0.8em, fill: luma(80))
  let page-of = d.footer.pageOf.replace(PAGE, str(counter(page).get().first())).replace(PAGES, str(counter(page).final().first()))
  page-of + h(1fr) + d.footer.version
})
// The declared chain only (fonts.ts), cut to the families this document reaches (compilers.ts):
// a character none of them has was reported before (check.ts).
#set text(font: fonts.text, fallback: false, size: d.style.size * 1pt, lang: d.lang, region: d.region, hyphenate: false)
// No hyphenation, as in the DOCX (see docx/index.ts): the two lay out lines alike.
// Line pitch and paragraph spacing as DOCX's Normal style lays them out (styles.ts): lines
// 1.1 times the font's line height (ascender + descender + gap, 1.22 em in Carlito), 6 pt
// after a paragraph. Typst measures from ascender to descender (1 em) and adds the leading.
#let line-gap = 1.2207em * 1.1 - 1em
#set text(top-edge: "ascender", bottom-edge: "descender")
#set par(leading: line-gap, spacing: line-gap + 6pt)
#show heading: set text(fill: accent, hyphenate: false)
// Sizes and spacing as DOCX's Title (9 pt larger, 6 pt before, 12 pt after), "heading 2"
// (3 pt larger), "heading 3" (1 pt larger) and the italic "heading 4" to "heading 6"; 12 pt
// before and 4 pt after each.
#let size = d.style.size * 1pt
// Breakable, so that a heading taller than a page (a title of 10,000 characters) is not cut off.
#show heading: set block(above: 12pt + line-gap, below: 4pt + line-gap, breakable: true)
#show heading.where(level: 1): set text(size: size + 9pt)
#show heading.where(level: 1): set block(above: 6pt + line-gap, below: 12pt + line-gap)
#show heading.where(level: 2): set text(size: size + 3pt)
#show heading.where(level: 3): set text(size: size + 1pt)
#show heading: it => if it.level >= 4 { set text(size: size, style: "italic"); it } else { it }
// As DOCX's "footnote text": 1.5 pt smaller, single line spacing.
#show footnote.entry: set text(size: size - 1.5pt)
#show footnote.entry: set par(leading: 0.2207em, spacing: 0.2207em)
#set footnote.entry(clearance: 8pt, gap: 2pt)
// Links, citations included, are underlined as well as coloured: colour alone is no cue (WCAG 1.4.1).
#show link: set text(fill: accent, hyphenate: false)
#show link: underline
#show raw: set text(font: fonts.mono, hyphenate: false)

// One function per node type of data.ts's PdfNode; r renders a child node.
#let inline(n, r) = n.at("children", default: ()).map(r).join()
#let blocks(n, r) = n.at("children", default: ()).map(r).join(parbreak())
#let list-item(n, r) = blocks(n, r)
#let table-cell(n, r) = inline(n, r)
#let table-row(n, r) = n.children.map(r)
#let table-of(n, r) = {
  let rows = n.children.map(row => table-row(row, r))
  let cols = calc.max(..rows.map(row => row.len()))
  let pad(row) = row + range(cols - row.len()).map(_ => [])
  let align-of(a) = if a == "center" { center } else if a == "right" { right } else { left }
  // As DOCX's "Table Grid": equal columns, 0.19 cm cell margins left and right, single line
  // spacing, 2 pt above and below the text.
  let single = 0.2207em
  set par(leading: single, spacing: single)
  table(
    columns: range(cols).map(_ => 1fr),
    inset: (x: 5.4pt, y: 2pt + single / 2),
    align: range(cols).map(i => align-of(n.align.at(i, default: none))),
    stroke: 0.5pt + luma(150),
    table.header(..pad(rows.first()).map(strong)),
    ..rows.slice(1).map(pad).flatten(),
  )
}
// As DOCX's list levels: the number 0.3 cm in, the text at 1 cm, 3 pt after each item.
#set enum(indent: 0.3cm, body-indent: 0.3cm, spacing: line-gap + 3pt)
#set list(indent: 0.3cm, body-indent: 0.45cm, spacing: line-gap + 3pt)
#let list-of(n, r) = if n.ordered {
  enum(start: n.start, tight: n.tight, numbering: "1.", ..n.children.map(i => enum.item(r(i))))
} else {
  list(tight: n.tight, ..n.children.map(i => list.item(r(i))))
}
#let footnote-of(n, r) = {
  let name = label("fn-" + n.id)
  // The first reference carries the text; later ones point back to it.
  // The note's number, then a (no-break) space, then its text, as Word writes footnotes.
  if "children" in n [#footnote({ sym.space.nobreak; blocks(n, r) })#name] else { footnote(name) }
}
#let handlers = (
  root: blocks,
  paragraph: inline,
  heading: (n, r) => heading(level: n.level, inline(n, r)),
  emphasis: (n, r) => emph(inline(n, r)),
  strong: (n, r) => strong(inline(n, r)),
  delete: (n, r) => strike(inline(n, r)),
  inlineCode: (n, r) => code(n.value),
  code: (n, r) => code(n.value, block: true),
  "break": (n, r) => linebreak(),
  thematicBreak: (n, r) => line(length: 100%, stroke: 0.5pt + luma(150)),
  blockquote: (n, r) => quote(block: true, blocks(n, r)),
  list: list-of,
  listItem: list-item,
  table: table-of,
  tableRow: table-row,
  tableCell: table-cell,
  link: (n, r) => link(n.url, inline(n, r)),
  footnote: footnote-of,
  citation: (n, r) => link(label("source-" + str(n.number)), "[" + str(n.number) + "]"),
)
#let render(n) = if type(n) == str { t(n) } else { handlers.at(n.type)(n, render) }

// A name list (see data.ts): up to a thousand names one paragraph each, as DOCX's
// "Signatory" style: one column, a wrapped entry's further lines indented under its first
// (so it cannot be read as two signatories); a longer list as running text in parts, each
// part on a new page so that Typst lays the parts out in parallel. Names never hyphenate.
#let name-lines(list) = {
  set text(hyphenate: false)
  set par(spacing: line-gap, hanging-indent: 0.5cm)
  for l in list.lines { par(t(l)) }
}
#let name-parts(list) = {
  // As DOCX's "Signatory List" style: 1.5 pt smaller, 4 pt between paragraphs, ragged
  // right, and neither kerning nor ligatures (Word's defaults), which saves a sixth of
  // the layout time of 100,000 names.
  set text(size: d.style.size * 1pt - 1.5pt, hyphenate: false, kerning: false, ligatures: false)
  set par(justify: false, linebreaks: "simple", spacing: line-gap + 4pt)
  for (i, part) in list.parts.enumerate() {
    if i > 0 { pagebreak() }
    for names in part { par(t(names)) }
  }
}
#let name-list(list) = if "parts" in list { name-parts(list) } else { name-lines(list) }

// The letter's head: every part a paragraph (tagged P), as in DOCX.
#for s in d.letterhead {
  if s.logo != none { block(below: 0.6em, image(bytes(s.logo.bytes), alt: s.logo.alt, height: 1.5cm)) }
  block(below: 12pt + line-gap, par({ text(size: 1.15em, fill: accent, strong(t(s.name))); for l in s.lines { linebreak(); t(l) } }))
}

#block(below: 6pt + line-gap, {
  par(strong(d.to.label))
  for rec in d.to.recipients { par({ t(rec.name); if rec.address != none { linebreak(); t(rec.address) } }) }
})

// The reference line (theirs, ours, date): labels over values, at the DOCX reference line's tab stops
// (6 cm, and the right margin for a third field); over-long values one field per row (data.ts).
#block(above: 1.2em, below: 1.2em, {
  set text(size: d.style.size * 1pt - 1pt)
  set par(spacing: 0.3em)
  let fields = d.refs.fields
  let n = fields.len()
  if d.refs.across {
    let columns = if n >= 3 { (6cm, 1fr, auto) } else if n == 2 { (6cm, 1fr) } else { (1fr,) }
    grid(columns: columns, row-gutter: 0.3em, align: (x, y) => if n >= 3 and x == n - 1 { right } else { left },
      ..fields.map(f => par(strong(t(f.at(0))))),
      ..fields.map(f => par(t(f.at(1)))))
  } else {
    grid(columns: (auto, 1fr), column-gutter: 1em, row-gutter: 0.5em, ..fields.map(f => (par(strong(t(f.at(0)))), par(t(f.at(1))))).flatten())
  }
})

#if d.consultation.len() > 0 {
  block(above: 1em, {
    set par(spacing: 0.3em)
    for l in d.consultation {
      par({ if l.label != none { strong(t(l.label + ": ")) }; if l.url != none { link(l.url, t(l.value)) } else { t(l.value) } })
    }
  })
}

// The label is the text as written, set in small capitals by style (DOCX: smallCaps, 24 pt before).
#if d.label != none { block(above: 24pt + line-gap, below: line-gap, par(text(fill: accent, tracking: 1pt, smallcaps(t(d.label))))) }
#heading(level: 1, t(d.title))

#render((type: "root", children: d.body))

// Kept on one page, unless it is taller than a page: then an unbreakable block would be cut off.
#let together(body) = layout(size => block(breakable: measure(body, width: size.width).height > size.height, body))

// As DOCX's Closing (18 pt before) and Signature paragraphs (24 pt before each, one under the other).
#if d.closing != none {
  together({
    block(above: 18pt + line-gap, par({ t(d.closing.text); for s in d.closing.senders { linebreak(); strong(t(s)) } }))
    for s in d.closing.signature {
      block(above: 24pt + line-gap, par({ t(s.name); if s.role != none { linebreak(); t(s.role) } }))
    }
  })
}

#if d.signatories != none {
  let s = d.signatories
  heading(level: 2, s.heading)
  if s.organisations != none {
    heading(level: 3, s.organisations.heading)
    name-list(s.organisations)
  }
  if s.persons != none {
    heading(level: 3, s.persons.heading)
    name-list(s.persons)
    if s.hidden != none { par(t(s.hidden)) }
  }
}

#if d.sources != none {
  heading(level: 2, d.sources.heading)
  enum(numbering: "[1]", ..d.sources.items.map(s => enum.item(s.number, {
    [#metadata(s.number)#label("source-" + str(s.number))]
    t(s.text)
    if s.url != none { [. ]; link(s.url) }
  })))
}
`;
