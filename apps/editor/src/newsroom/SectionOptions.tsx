/** The `<option>`s of a section picker; the caller adds its own empty/placeholder option. */
export function SectionOptions({ sections }: { sections: { id: string; name: string }[] }) {
  return sections.map((section) => (
    <option key={section.id} value={section.id}>
      {section.name}
    </option>
  ));
}
