import { ARTICLE_STATUS, formatDateline } from '@newsroom/article';
import type { EditableArticle } from '@newsroom/editorial';

/** What the publishing panel shows and decides from: the publication side of an article. */
export type Publication = Pick<
  EditableArticle,
  'status' | 'scheduledAt' | 'live' | 'hasUnpublishedChanges' | 'wasPublished'
>;

export function publicationOf(article: EditableArticle): Publication {
  const { status, scheduledAt, live, hasUnpublishedChanges, wasPublished } = article;
  return { status, scheduledAt, live, hasUnpublishedChanges, wasPublished };
}

/** Only a draft never published nor scheduled can be deleted (its URL history must stay). */
export function isDeletableDraft(publication: Publication): boolean {
  return (
    publication.status === ARTICLE_STATUS.draft &&
    publication.scheduledAt === null &&
    publication.live === null &&
    !publication.wasPublished
  );
}

/** A moment in GMT (as the reader site dates things) and in the editor's own time zone. */
export function describeMoment(iso: string, timeZone?: string) {
  const date = new Date(iso);
  const local = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
  return { gmt: formatDateline(date), local };
}

/** `<input type="datetime-local">` works in the browser's time zone: its value ↔ ISO (UTC). */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value); // no offset: read as local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const HOUR_MS = 3_600_000;

/**
 * The moments a local wall time (`datetime-local` value) names in the browser's time zone:
 * usually one; none when the clocks go forward over it (02:30 on the spring change); two when
 * they go back over it (01:30 on the autumn change happens twice), earlier first.
 */
export function localTimeMoments(value: string): Date[] {
  if (!localInputToIso(value)) return [];
  const wallAsUtc = Date.parse(`${value}Z`);
  // Offsets in force half a day either side cover every change of the clocks near this time.
  const offsets = new Set(
    [wallAsUtc - 12 * HOUR_MS, wallAsUtc + 12 * HOUR_MS].map((time) =>
      new Date(time).getTimezoneOffset(),
    ),
  );
  const moments = [...offsets]
    .map((offset) => new Date(wallAsUtc + offset * 60_000))
    .filter((moment) => isoToLocalInput(moment.toISOString()) === value.slice(0, 16));
  return moments.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * "01:30 BST": a moment's local time with its zone's name, to tell two readings apart. In the
 * editor's own language by default, whose names for their zone they know (EDT, not GMT-4).
 */
export function localTimeWithZone(iso: string, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(iso));
}

export type PublishAtReading =
  | { kind: 'none' }
  | { kind: 'exact'; iso: string }
  /** The time does not exist that day; the browser reads it as the first time after the change. */
  | { kind: 'skipped'; iso: string; hint: string }
  /** The time happens twice that day: the editor picks one. */
  | { kind: 'repeated'; choices: [string, string] };

/** How a "Publish at" value is read, and what to tell the editor when the clocks change then. */
export function readPublishAt(value: string): PublishAtReading {
  const iso = localInputToIso(value);
  if (!iso) return { kind: 'none' };
  const moments = localTimeMoments(value);
  if (moments.length === 2) {
    return { kind: 'repeated', choices: [moments[0]!.toISOString(), moments[1]!.toISOString()] };
  }
  if (moments.length === 0) {
    const typed = value.slice(11, 16);
    const actual = isoToLocalInput(iso).slice(11, 16);
    return {
      kind: 'skipped',
      iso,
      hint: `The clocks go forward that night: ${typed} does not exist in your time zone on that day. It will be ${actual} your time.`,
    };
  }
  return { kind: 'exact', iso };
}

export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Renaming or moving a live article changes its address once updated; old links keep working.
 * `draftPath` is where the working copy would be read; null when nothing is worth saying.
 */
export function addressChangeWarning(publication: Publication, draftPath: string | null) {
  const live = publication.live;
  if (!live || !draftPath || draftPath === live.path) return null;
  return `Readers find this article at ${live.path}. After Update it moves to ${draftPath}; links to the old address keep working: they redirect (308) to the new one.`;
}

/** The dateline is the displayed time, not a publish switch: say so when it is in the future. */
export function futureDatelineWarning(
  publication: Publication,
  dateline: string | null,
  now = Date.now(),
) {
  if (!dateline || Date.parse(dateline) <= now) return null;
  if (publication.status === ARTICLE_STATUS.published && !publication.hasUnpublishedChanges)
    return null;
  const action = publication.status === ARTICLE_STATUS.published ? 'Update' : 'Publish now';
  return `The dateline (${formatDateline(new Date(dateline))}) is in the future. It is only the time shown to readers: ${action} makes the article live at once, dated in the future. To publish later, use "Publish at".`;
}

/** A short description of the state, for people. */
export function publicationText(publication: Publication, timeZone?: string): string {
  switch (publication.status) {
    case ARTICLE_STATUS.scheduled: {
      if (!publication.scheduledAt) return 'Scheduled';
      const { gmt, local } = describeMoment(publication.scheduledAt, timeZone);
      return `Scheduled for ${gmt} (${local} your time)`;
    }
    case ARTICLE_STATUS.published: {
      if (!publication.hasUnpublishedChanges) return 'Published';
      if (!publication.scheduledAt) return 'Published, with unpublished changes';
      const { gmt, local } = describeMoment(publication.scheduledAt, timeZone);
      return `Published, with unpublished changes: update scheduled for ${gmt} (${local} your time)`;
    }
    default:
      return 'Draft: readers do not see it';
  }
}
