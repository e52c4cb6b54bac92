'use client';

interface Props {
  className: string;
  /** What to tell; null: nothing (the element stays, empty, so a new notice is announced). */
  notice: string | null;
  onDismiss: () => void;
}

/** A notice told once (what a paste or the opening of an article could not keep), until dismissed. */
export function DismissibleNotice({ className, notice, onDismiss }: Props) {
  return (
    <p className={className} role="status" aria-live="polite">
      {notice && (
        <>
          {notice}{' '}
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </p>
  );
}
