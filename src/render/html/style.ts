/** House style for the HTML page: readable measure, print-friendly, high contrast. */
export const STYLESHEET = `
body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; line-height: 1.5; color: #111; background: #fff; margin: 0; }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { color: #1f3864; line-height: 1.2; }
.letterhead { border-bottom: 2px solid #1f3864; padding-bottom: .5rem; margin-bottom: 1.5rem; }
.recipients ul { list-style: none; padding: 0; }
.label, .document-label { font-variant: small-caps; letter-spacing: .05em; margin-bottom: 0; }
.refs { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; }
.refs dd { margin: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #888; padding: .25rem .5rem; text-align: left; vertical-align: top; }
blockquote { border-left: 4px solid #1f3864; margin-left: 0; padding-left: 1rem; color: #333; }
.signature { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem 3rem; }
footer { margin-top: 3rem; font-size: .85rem; color: #555; }
a { color: #1f3864; }
@media print { main { margin: 0; max-width: none; } a { color: inherit; } }
`;
