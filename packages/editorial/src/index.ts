// @newsroom/editorial: the newsroom's write side. Every function takes the acting user and
// checks what they may do, so the apps only authenticate and translate to HTTP.
export { EditorialError, validationErrorsOf, type EditorialErrorCode } from './errors';
export { slugify, findFreeSlug } from './slug';
export {
  toRelatedInput,
  findEditableArticle,
  findVisibleArticle,
  getVisibleArticle,
  assertArticleVisible,
  type EditableArticle,
  type LeadImage,
  type RelatedEntry,
} from './articles/editable-article';
export { editableFieldsOf, type EditableFields } from './articles/editable-fields';
export {
  createArticle,
  newArticleSchema,
  type NewArticle,
  type NewArticleContent,
} from './articles/create-article';
export {
  listArticles,
  listSections,
  searchPublishedArticles,
  articleListQuerySchema,
  type ArticleListItem,
  type ArticleListQuery,
} from './articles/list-articles';
export {
  saveArticle,
  type SaveResult,
  type SaveOptions,
  type WriteSaveOptions,
} from './articles/save-article';
export { saveSharedArticle, type SharedArticle } from './articles/save-shared-article';
export { deletedTargets } from './articles/related';
export {
  publishArticle,
  unpublishArticle,
  discardChanges,
  restoreRevision,
  versionedActionSchema,
  type VersionedAction,
} from './articles/publish';
export {
  deleteDraft,
  SCHEDULED_MESSAGE,
  WAS_PUBLISHED_MESSAGE,
  type DeleteDraftResult,
  type DeleteDraftOptions,
} from './articles/delete-draft';
export {
  scheduleArticle,
  unscheduleArticle,
  scheduleSchema,
  type ScheduleInput,
} from './scheduling/schedule';
export { fireDueSchedules, type FiredSchedule } from './scheduling/fire-schedules';
export {
  startScheduler,
  SCHEDULER_INTERVAL_MS,
  type Scheduler,
  type SchedulerOptions,
} from './scheduling/scheduler';
export {
  listRevisions,
  getRevision,
  AUTOSAVE_REVISION_INTERVAL_MS,
  type RevisionSummary,
  type RevisionDetail,
} from './revisions/revisions';
export {
  listUsers,
  createStaffUser,
  changeUserRole,
  deactivateUser,
  reactivateUser,
  newUserSchema,
  roleChangeSchema,
  LAST_ADMIN_MESSAGE,
  type StaffUserView,
} from './users/users';
export {
  createSection,
  changeSection,
  renameSection,
  listSectionsWithCounts,
  type SectionAdminView,
} from './sections/sections';
export {
  newSectionSchema,
  newSectionRequestSchema,
  sectionChangeSchema,
  sectionNameSchema,
  RESERVED_SECTION_SLUGS,
  SECTION_NAME_MAX_LENGTH,
  SECTION_MOVES,
  SLUG_STAYS_MESSAGE,
  type NewSection,
  type SectionChange,
  type SectionMove,
} from './sections/section-schemas';
