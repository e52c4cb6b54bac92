'use client';
// The frame every popover of the body editor shares (link, image, note picker): a dialog named by
// its title that Escape closes, and its row of buttons.
import { type FormEvent, type ReactNode, type Ref, useId } from 'react';

/** With `onSubmit`, title and content sit in one form (Enter in a field submits it). */
export function EditorPopover({
  title,
  className = 'body-editor-popover',
  onClose,
  onSubmit,
  children,
}: {
  title: ReactNode;
  className?: string;
  onClose(): void;
  onSubmit?(event: FormEvent): void;
  children: ReactNode;
}) {
  const titleId = useId();
  const content = (
    <>
      <h2 id={titleId} className="body-editor-popover-title">
        {title}
      </h2>
      {children}
    </>
  );
  return (
    <div
      role="dialog"
      aria-labelledby={titleId}
      className={className}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {onSubmit ? (
        <form onSubmit={onSubmit} noValidate>
          {content}
        </form>
      ) : (
        content
      )}
    </div>
  );
}

/** The popover's buttons: its submit button (if any), a removing one (if offered), then Cancel. */
export function PopoverActions({
  submit,
  remove,
  onCancel,
  cancelRef,
}: {
  submit?: { label: string; disabled?: boolean };
  remove?: { label: string; onClick(): void };
  onCancel(): void;
  cancelRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="body-editor-popover-actions">
      {submit && (
        <button type="submit" className="body-editor-primary" disabled={submit.disabled}>
          {submit.label}
        </button>
      )}
      {remove && (
        <button type="button" onClick={remove.onClick}>
          {remove.label}
        </button>
      )}
      <button type="button" ref={cancelRef} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
