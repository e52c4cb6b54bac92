// `@newsroom/editorial/browser`: the limits and schemas client components share with the
// server, without the database.
export { editableFieldsOf, type EditableFields } from './articles/editable-fields';
export {
  SECTION_NAME_MAX_LENGTH,
  SECTION_MOVES,
  SLUG_STAYS_MESSAGE,
  type SectionMove,
} from './sections/section-schemas';
