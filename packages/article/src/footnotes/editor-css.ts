/**
 * Markers are decorations (`data-marker`), not document content, so the editor shows them with
 * generated content. Include this once in the editor page.
 */
export const footnoteEditorCss = `
sup.footnote-reference::after { content: attr(data-marker); }
section.footnotes > ol { list-style: none; padding-left: 0; }
li.footnote::before { content: attr(data-marker) " "; vertical-align: super; font-size: smaller; }
`;
