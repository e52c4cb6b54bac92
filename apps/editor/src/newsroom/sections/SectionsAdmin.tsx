'use client';
import { useFocusOnError } from '@newsroom/app-shell/browser';
import { sectionPath } from '@newsroom/article';
import type { SectionAdminView as Section } from '@newsroom/editorial';
import { SECTION_NAME_MAX_LENGTH, type SectionMove } from '@newsroom/editorial/browser';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldsOfFailure, sendJson } from '../api/send-json';
import { SECTIONS_API_PATH, sectionApiPath } from '../newsroom-paths';

type Refusal = { message: string; fields: Record<string, string> };

function refusalOf(prefix: string, error: unknown): Refusal {
  return { message: `${prefix}: ${(error as Error).message}`, fields: fieldsOfFailure(error) };
}

const moveLabel = { up: 'Move up', down: 'Move down' } as const;

/**
 * Admins list the sections in reader order, add one, rename one and move it up or down. The
 * slug is never edited here: it is the address of the section and of every article in it.
 */
export function SectionsAdmin({ initialSections }: { initialSections: Section[] }) {
  const [sections, setSections] = useState(initialSections);
  const [message, setMessage] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  // After a move the rows are re-ordered: the focus goes back to the button that was pressed.
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const [lastMove, setLastMove] = useState<{ id: string; move: SectionMove }>();
  useEffect(() => {
    if (lastMove) moveButtons.current.get(`${lastMove.id}:${lastMove.move}`)?.focus();
  }, [lastMove]);

  async function move(section: Section, move: SectionMove) {
    if (moving) return;
    setMoving(true);
    try {
      await sendJson('PATCH', sectionApiPath(section.id), { move });
      // The whole order, as the server now has it (another admin may have moved others).
      const { sections: current } = await sendJson<{ sections: Section[] }>(
        'GET',
        SECTIONS_API_PATH,
      );
      setSections(current);
      const place = current.findIndex((item) => item.id === section.id) + 1;
      setMessage(`${section.name} is now number ${place} of ${current.length}.`);
    } catch (error) {
      setMessage(`Not moved: ${(error as Error).message}`);
    } finally {
      setMoving(false);
      setLastMove({ id: section.id, move });
    }
  }

  function renamed(section: Section) {
    setSections((current) => current.map((item) => (item.id === section.id ? section : item)));
    setMessage(`Renamed: readers now see "${section.name}" at ${sectionPath(section)}.`);
  }

  return (
    <>
      <p className="field-hint">
        Readers see the sections in this order in the site&apos;s navigation. Renaming changes only
        the name they see: the address (/slug) is the address of the section and of every article in
        it, so it cannot change.
      </p>
      {message && <p role="status">{message}</p>}
      {sections.length === 0 ? (
        <p>No sections yet: add the first one below (an article needs one).</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Name</th>
              <th>Address</th>
              <th>Articles</th>
              <th>Order</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((section, index) => (
              <tr key={section.id}>
                <td>{index + 1}</td>
                <td>
                  <RenameForm section={section} onRenamed={renamed} />
                </td>
                <td>
                  <a href={sectionPath(section)}>{sectionPath(section)}</a>
                </td>
                <td>{section.articleCount}</td>
                <td>
                  <div className="button-pair">
                    {(['up', 'down'] as const).map((direction) => {
                      // At either end the button stays focusable (aria-disabled, not disabled),
                      // so the focus is not lost when a move takes a section there.
                      const atEnd =
                        direction === 'up' ? index === 0 : index === sections.length - 1;
                      return (
                        <button
                          key={direction}
                          type="button"
                          ref={(button) => {
                            const key = `${section.id}:${direction}`;
                            if (button) moveButtons.current.set(key, button);
                            else moveButtons.current.delete(key);
                          }}
                          aria-label={`${moveLabel[direction]}: ${section.name}`}
                          aria-disabled={atEnd || moving ? true : undefined}
                          onClick={() => !atEnd && move(section, direction)}
                        >
                          {moveLabel[direction]}
                        </button>
                      );
                    })}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a section</h2>
      <AddSectionForm
        onAdded={(section) => {
          setSections((current) => [...current, section]);
          setMessage(`Added ${section.name} at ${sectionPath(section)}.`);
        }}
      />
    </>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  );
}

/** A section's name, editable in its row; a refusal shows under the field, which gets the focus. */
function RenameForm({
  section,
  onRenamed,
}: {
  section: Section;
  onRenamed: (section: Section) => void;
}) {
  const [name, setName] = useState(section.name);
  const [refusal, setRefusal] = useState<Refusal>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, refusal, !!refusal);
  const errorId = `section-${section.id}-name-error`;

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const answer = await sendJson<{ section: Section }>('PATCH', sectionApiPath(section.id), {
        name,
      });
      setRefusal(undefined);
      setName(answer.section.name);
      onRenamed(answer.section);
    } catch (error) {
      setRefusal(refusalOf('Not renamed', error));
    }
  }

  const problem = refusal && (refusal.fields.name ?? refusal.message);
  return (
    <form ref={form} onSubmit={rename} className="inline-row">
      <label>
        <span className="visually-hidden">Name of {sectionPath(section)}</span>
        <input
          name="name"
          value={name}
          required
          maxLength={SECTION_NAME_MAX_LENGTH}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
        />
      </label>{' '}
      <button type="submit" aria-label={`Rename ${sectionPath(section)}`}>
        Rename
      </button>
      <FieldError id={errorId} message={problem} />
    </form>
  );
}

/** Name and optional slug; a refusal (a taken or reserved address) shows under its field. */
function AddSectionForm({ onAdded }: { onAdded: (section: Section) => void }) {
  const [refusal, setRefusal] = useState<Refusal>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, refusal, !!refusal);
  const fieldError = (field: string) => refusal?.fields[field];
  const otherProblem =
    refusal && !fieldError('name') && !fieldError('slug') ? refusal.message : undefined;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const fields = Object.fromEntries(new FormData(target));
    try {
      const { section } = await sendJson<{ section: Section }>('POST', SECTIONS_API_PATH, fields);
      setRefusal(undefined);
      target.reset();
      onAdded(section);
    } catch (error) {
      setRefusal(refusalOf('Not added', error));
    }
  }

  return (
    <form ref={form} onSubmit={add} className="stacked-form">
      {otherProblem && (
        <p role="alert" className="form-error">
          {otherProblem}
        </p>
      )}
      <label>
        Name
        <input
          name="name"
          required
          maxLength={SECTION_NAME_MAX_LENGTH}
          aria-invalid={fieldError('name') ? true : undefined}
          aria-describedby={fieldError('name') ? 'new-section-name-error' : undefined}
        />
        <FieldError id="new-section-name-error" message={fieldError('name')} />
      </label>
      <label>
        Slug (optional)
        <input
          name="slug"
          aria-invalid={fieldError('slug') ? true : undefined}
          aria-describedby={
            fieldError('slug')
              ? 'new-section-slug-error new-section-slug-hint'
              : 'new-section-slug-hint'
          }
        />
        <span id="new-section-slug-hint" className="field-hint">
          The section&apos;s address: empty makes it from the name (World → /world). It cannot
          change later.
        </span>
        <FieldError id="new-section-slug-error" message={fieldError('slug')} />
      </label>
      <button type="submit">Add section</button>
    </form>
  );
}
