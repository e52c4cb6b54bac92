import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addressChangeWarning,
  describeMoment,
  futureDatelineWarning,
  isDeletableDraft,
  isoToLocalInput,
  localInputToIso,
  localTimeMoments,
  localTimeWithZone,
  publicationText,
  readPublishAt,
  type Publication,
} from './publication';

const live = { path: '/world/old', publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '' };
const published: Publication = {
  status: 'published',
  scheduledAt: null,
  live,
  hasUnpublishedChanges: false,
  wasPublished: true,
};
const draft: Publication = {
  status: 'draft',
  scheduledAt: null,
  live: null,
  hasUnpublishedChanges: false,
  wasPublished: false,
};

describe('publication texts', () => {
  it('names every state, the schedule in GMT and in local time', () => {
    expect(publicationText(draft)).toBe('Draft: readers do not see it');
    expect(publicationText(published)).toBe('Published');
    expect(publicationText({ ...published, hasUnpublishedChanges: true })).toBe(
      'Published, with unpublished changes',
    );
    expect(
      publicationText(
        { ...draft, status: 'scheduled', scheduledAt: '2030-06-01T08:30:00.000Z' },
        'Europe/Berlin',
      ),
    ).toBe('Scheduled for 08:30 GMT 01.06.2030 (1 Jun 2030, 10:30 your time)');
    expect(
      publicationText(
        { ...published, hasUnpublishedChanges: true, scheduledAt: '2030-06-01T08:30:00.000Z' },
        'UTC',
      ),
    ).toBe(
      'Published, with unpublished changes: update scheduled for 08:30 GMT 01.06.2030 (1 Jun 2030, 08:30 your time)',
    );
    expect(describeMoment('2030-01-01T08:30:00.000Z', 'UTC').gmt).toBe('08:30 GMT 01.01.2030');
  });

  it('warns about a new address only for a live article whose working copy moved', () => {
    expect(addressChangeWarning(published, '/world/old')).toBeNull();
    expect(addressChangeWarning(draft, '/world/new')).toBeNull();
    expect(addressChangeWarning(published, '/world/new')).toMatch(
      /at \/world\/old\. After Update it moves to \/world\/new; .*redirect \(308\)/,
    );
  });

  it('warns about a future dateline before Publish now or Update, never about a past one', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    const future = '2026-05-02T12:00:00.000Z';
    expect(futureDatelineWarning(draft, '2026-04-30T12:00:00.000Z', now)).toBeNull();
    expect(futureDatelineWarning(draft, null, now)).toBeNull();
    expect(futureDatelineWarning(draft, future, now)).toMatch(/in the future.*Publish now/);
    expect(futureDatelineWarning(published, future, now)).toBeNull();
    expect(
      futureDatelineWarning({ ...published, hasUnpublishedChanges: true }, future, now),
    ).toMatch(/Update makes the article live at once/);
  });

  it('turns the local datetime input into an ISO instant and back', () => {
    const iso = localInputToIso('2030-06-01T10:30');
    expect(iso).not.toBeNull();
    expect(isoToLocalInput(iso!)).toBe('2030-06-01T10:30');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
  });
});

describe('deleting', () => {
  it('offers it only for a draft never published nor scheduled', () => {
    expect(isDeletableDraft(draft)).toBe(true);
    expect(isDeletableDraft(published)).toBe(false);
    expect(isDeletableDraft({ ...draft, scheduledAt: '2030-06-01T08:30:00.000Z' })).toBe(false);
    expect(isDeletableDraft({ ...draft, status: 'scheduled' })).toBe(false);
    // Unpublished: a draft again, but its old links must keep working.
    expect(isDeletableDraft({ ...draft, wasPublished: true })).toBe(false);
  });
});

describe('"Publish at" when the clocks change (in London)', () => {
  const zoneBefore = process.env.TZ;
  beforeAll(() => {
    // Node reads TZ again when it is assigned: Date and Intl now work in London time.
    process.env.TZ = 'Europe/London';
  });
  afterAll(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  it('reads an ordinary time as the one moment it names', () => {
    expect(localTimeMoments('2027-06-01T10:30').map((d) => d.toISOString())).toEqual([
      '2027-06-01T09:30:00.000Z',
    ]);
    expect(readPublishAt('2027-06-01T10:30')).toEqual({
      kind: 'exact',
      iso: '2027-06-01T09:30:00.000Z',
    });
    expect(readPublishAt('')).toEqual({ kind: 'none' });
  });

  it('says what a time the clocks skip over becomes (28 March 2027, 01:00 → 02:00)', () => {
    expect(localTimeMoments('2027-03-28T01:30')).toEqual([]);
    const reading = readPublishAt('2027-03-28T01:30');
    expect(reading).toEqual({
      kind: 'skipped',
      iso: '2027-03-28T01:30:00.000Z',
      hint: 'The clocks go forward that night: 01:30 does not exist in your time zone on that day. It will be 02:30 your time.',
    });
  });

  it('offers both moments of a time that happens twice (31 October 2027, 02:00 → 01:00)', () => {
    const reading = readPublishAt('2027-10-31T01:30:00');
    expect(reading).toEqual({
      kind: 'repeated',
      choices: ['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z'],
    });
    if (reading.kind !== 'repeated') return;
    expect(reading.choices.map((iso) => localTimeWithZone(iso, undefined, 'en-GB'))).toEqual([
      '01:30 BST',
      '01:30 GMT',
    ]);
    // The hour either side is ordinary.
    expect(readPublishAt('2027-10-31T02:30').kind).toBe('exact');
    expect(readPublishAt('2027-10-31T00:30').kind).toBe('exact');
  });
});
