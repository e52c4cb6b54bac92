// `@newsroom/editorial/browser`: the limits and schemas client components share with the
// server, without the database.
export {
  SECTION_NAME_MAX_LENGTH,
  SECTION_MOVES,
  SLUG_STAYS_MESSAGE,
  type SectionMove,
} from './sections/section-schemas';
