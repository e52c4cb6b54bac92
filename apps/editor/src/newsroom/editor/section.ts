/** A section as the editor's forms show it (its own module: the panels and the form share it). */
export type Section = { id: string; name: string; slug: string };
