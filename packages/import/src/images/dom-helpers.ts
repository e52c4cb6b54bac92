/** Elements under `root` matching `selector`, as a list that is safe to change while walking. */
export const elementsUnder = (root: ParentNode, selector: string): Element[] =>
  Array.from(root.querySelectorAll(selector));

export const isBlankText = (text: string | null | undefined) => !text || /^\s*$/.test(text);
