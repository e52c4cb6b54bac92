import type { Db, ShortLink } from '@newsroom/db';
import { UTM_FIELDS } from '../forwarding/utm';
import {
  EDITABLE_FIELDS,
  effectiveDestinationProblem,
  type UpdateLinkInput,
} from '../validation/link-input';
import {
  ARTICLE_LINK_EXPIRY,
  ARTICLE_LINK_FIXED_FIELDS,
  ARTICLE_LINK_SETTINGS,
  LinkError,
} from './link-errors';
import { findLink } from './link-service';

/** Who changed a link: a member of staff on the staff pages, or an API key. */
export type LinkActor = { type: 'user' | 'api_key'; id: string; name: string };

type EditableField = (typeof EDITABLE_FIELDS)[number];
type FieldValue = string | number | boolean | null;
/** What one edit changed: `{ field: { from, to } }`, dates as ISO strings. */
export type LinkFieldChanges = Partial<Record<EditableField, { from: FieldValue; to: FieldValue }>>;

export type LinkChangeView = {
  at: string;
  actor: { type: string; name: string };
  changes: LinkFieldChanges;
};

/** Why an article's own link refuses a new destination. */
export const ARTICLE_LINK_DESTINATION =
  "This link belongs to an article and follows the article's address: its destination cannot be changed.";

/** Concurrent edits of one link are retried this often before giving up (see editLink). */
const MAX_EDIT_ATTEMPTS = 10;

/**
 * Changes a link and records who changed what in its change log, in one transaction. The
 * change applies only if the fields it sets still hold the values read (compare-and-set on
 * those fields, not on updatedAt, whose millisecond two edits can share), so the recorded
 * "from" values are always the ones really replaced; a lost race reads again. Fields given with their current value are not recorded; an edit that changes
 * nothing writes nothing. The destination with its UTM fields must stay within the URL limit.
 */
export async function editLink(
  db: Db,
  code: string,
  input: UpdateLinkInput,
  actor: LinkActor,
): Promise<{ link: ShortLink; changes: LinkFieldChanges }> {
  for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt += 1) {
    const current = await findLink(db, code);
    if (!current) throw new LinkError('not_found', `There is no short link "${code}".`);
    const data = normalized(input);
    const changes = diff(current, data);
    if (Object.keys(changes).length === 0) return { link: current, changes };
    if (changes.url && current.articleId !== null) {
      throw new LinkError('invalid_destination', ARTICLE_LINK_DESTINATION);
    }
    if (data.expiresAt && current.articleId !== null) {
      throw new LinkError('article_link', ARTICLE_LINK_EXPIRY);
    }
    const fixed = [...ARTICLE_LINK_FIXED_FIELDS, ...UTM_FIELDS];
    if (current.articleId !== null && fixed.some((field) => field in changes)) {
      throw new LinkError('article_link', ARTICLE_LINK_SETTINGS);
    }
    const problem = effectiveDestinationProblem(data.url ?? current.url, { ...current, ...data });
    if (problem) throw new LinkError('invalid_destination', problem);

    const link = await db.$transaction(async (tx) => {
      const { count } = await tx.shortLink.updateMany({
        where: { id: current.id, ...unchangedSince(current, data) },
        data,
      });
      if (count === 0) return null;
      await tx.linkChange.create({
        data: {
          linkId: current.id,
          actorType: actor.type,
          actorId: actor.id,
          actorName: actor.name,
          changes: JSON.stringify(changes),
        },
      });
      return tx.shortLink.findUniqueOrThrow({ where: { id: current.id } });
    });
    if (link) return { link, changes };
  }
  throw new Error(`Short link "${code}" kept changing; the edit was not applied, try again.`);
}

/** The change log of a link, newest first. */
export async function linkChanges(db: Db, linkId: string, take = 100): Promise<LinkChangeView[]> {
  const rows = await db.linkChange.findMany({
    where: { linkId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
  return rows.map((row) => ({
    at: row.createdAt.toISOString(),
    actor: { type: row.actorType, name: row.actorName },
    changes: JSON.parse(row.changes) as LinkFieldChanges,
  }));
}

/**
 * The fields that together make the destination, checked together against the URL limit: an
 * edit of one of them was checked with the others' values as read, so it applies only if none
 * of them changed meanwhile (two edits each within the limit, one of the URL and one adding a
 * long UTM value, could otherwise store a destination over it).
 */
const DESTINATION_FIELDS: readonly EditableField[] = ['url', ...UTM_FIELDS];

/** The current values of the fields an edit depends on: the edit applies only if they still hold. */
function unchangedSince(current: ShortLink, data: UpdateLinkInput) {
  const set = EDITABLE_FIELDS.filter((field) => data[field] !== undefined);
  const dependsOn = set.some((field) => DESTINATION_FIELDS.includes(field))
    ? new Set([...set, ...DESTINATION_FIELDS])
    : set;
  return Object.fromEntries([...dependsOn].map((field) => [field, current[field]]));
}

/** "" clears a UTM field like null does; only the fields given. */
function normalized(input: UpdateLinkInput): UpdateLinkInput {
  const data: UpdateLinkInput = { ...input };
  for (const field of UTM_FIELDS) if (data[field] === '') data[field] = null;
  return data;
}

function diff(current: ShortLink, data: UpdateLinkInput): LinkFieldChanges {
  const changes: LinkFieldChanges = {};
  for (const field of EDITABLE_FIELDS) {
    if (data[field] === undefined) continue;
    const from = comparable(current[field]);
    const to = comparable(data[field]);
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

function comparable(value: Date | FieldValue | undefined): FieldValue {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
