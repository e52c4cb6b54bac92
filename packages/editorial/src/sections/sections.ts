import { slugify } from '@newsroom/article';
import { isUniqueViolation, type Db } from '@newsroom/db';
import { readerPagesChanged } from '@newsroom/reader-cache';
import { EditorialError, invalid, notFound, validationErrorsOf } from '../errors';
import {
  newSectionSchema,
  sectionNameSchema,
  type NewSection,
  type SectionChange,
} from './section-schemas';

/** A section as the admin page shows it: its address, and how many articles it holds. */
export type SectionAdminView = { id: string; slug: string; name: string; articleCount: number };

const adminViewFields = {
  id: true,
  slug: true,
  name: true,
  _count: { select: { articles: true } },
} as const;

function adminView({
  _count,
  ...section
}: Omit<SectionAdminView, 'articleCount'> & { _count: { articles: number } }): SectionAdminView {
  return { ...section, articleCount: _count.articles };
}

/**
 * Adds a section (its address is `/<slug>`, from the name unless given), listed after the
 * existing ones. A slug in use gets 409: sections are addresses readers have.
 */
export async function createSection(db: Db, input: NewSection) {
  const parsed = newSectionSchema.safeParse({
    name: input.name,
    slug: input.slug ?? slugify(input.name.trim()),
  });
  if (!parsed.success) throw invalid(validationErrorsOf(parsed.error.issues));
  const { name, slug } = parsed.data;
  const last = await db.section.findFirst({ orderBy: { position: 'desc' } });
  let created;
  try {
    created = await db.section.create({
      data: { name, slug, position: (last?.position ?? -1) + 1 },
      select: adminViewFields,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = `A section already has the address /${slug}: give another slug`;
      throw new EditorialError(409, message, [{ path: 'slug', message }]);
    }
    throw error;
  }
  // The site's navigation on every reader page lists it from now on.
  await announceSectionsChanged();
  return adminView(created);
}

/** Every section in reader order, with its number of articles (drafts included). */
export async function listSectionsWithCounts(db: Db): Promise<SectionAdminView[]> {
  const sections = await db.section.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: adminViewFields,
  });
  return sections.map(adminView);
}

function parseSectionName(name: string): string {
  const parsed = sectionNameSchema.safeParse(name);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((issue) => ({ path: 'name', message: issue.message })));
  return parsed.data;
}

/** The place a move takes a section to, from where it is (`current`) in `count` sections. */
function targetIndex(current: number, count: number, change: SectionChange): number {
  const wanted =
    change.move === 'up'
      ? current - 1
      : change.move === 'down'
        ? current + 1
        : (change.position ?? current);
  return Math.min(Math.max(wanted, 0), count - 1);
}

/**
 * Renames a section and/or moves it in the order (the other sections close up behind it). The
 * slug never changes here: it is the address of the section and of every article in it. Every
 * reader page shows the sections (the site's navigation), so each change drops them all from
 * the reader cache.
 */
export async function changeSection(
  db: Db,
  id: string,
  change: SectionChange,
): Promise<SectionAdminView> {
  const name = change.name === undefined ? undefined : parseSectionName(change.name);
  const moves = change.position !== undefined || change.move !== undefined;
  await db.$transaction(async (tx) => {
    // A write that changes nothing, first: it locks the sections (every row on PostgreSQL, the
    // file on SQLite) so that two admins moving sections at once renumber one after the other.
    await tx.$executeRaw`UPDATE "Section" SET "position" = "position"`;
    const order = await tx.section.findMany({
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: { id: true, position: true },
    });
    const current = order.findIndex((section) => section.id === id);
    if (current === -1) throw notFound('The section');
    if (name !== undefined) await tx.section.update({ where: { id }, data: { name } });
    if (!moves) return;
    const ids = order.map((section) => section.id);
    ids.splice(current, 1);
    ids.splice(targetIndex(current, order.length, change), 0, id);
    // Positions become 0…n-1 in the new order; rows already in place are not written.
    for (const [position, sectionId] of ids.entries())
      if (order.find((section) => section.id === sectionId)?.position !== position)
        await tx.section.update({ where: { id: sectionId }, data: { position } });
  });
  await announceSectionsChanged();
  return adminView(await db.section.findUniqueOrThrow({ where: { id }, select: adminViewFields }));
}

/** Renames the section at `/<slug>` (the command line names sections by their address). */
export async function renameSection(db: Db, slug: string, name: string) {
  const section = await db.section.findUnique({ where: { slug }, select: { id: true } });
  if (!section) throw notFound(`The section /${slug}`);
  return changeSection(db, section.id, { name });
}

/** Every reader page shows the sections' names in order (the site header): all of them go. */
function announceSectionsChanged() {
  return readerPagesChanged({ articleIds: [], lists: [], sections: true });
}
