/**
 * The only changes the server's sanitiser (src/server/modules/disclosure/sanitize.ts) makes to what the console's
 * rich-text editor emits: `style` attributes dropped (TipTap puts min-width on tables and <col>, text-align on
 * cells), void elements written `<br />`, `<hr />`, `<col />`, and the entity &nbsp; written as the character U+00A0.
 * Used by the sanitiser's test, the editor-schema test and the browser test.
 */
export function normaliseEditorHtml(html: string): string {
  return html
    .replace(/ style="[^"]*"/g, '')
    .replace(/<(br|hr|col)>/g, '<$1 />')
    .replace(/&nbsp;/g, '\u00a0');
}
