'use client';
// The frame every popover of the body editor shares (link, image, note picker): a dialog named by
// its title that Escape or a press outside it closes, modal (Tab cycles inside it), and its row
// of buttons.
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useEffect,
  useId,
  useRef,
} from 'react';
import { tabbable } from 'tabbable';

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last: while the
 * popover is open the keyboard stays in it (it is modal), instead of typing into the article
 * behind a dialog that still covers it.
 */
function keepTabInside(dialog: HTMLElement, event: KeyboardEvent) {
  const stops = tabbable(dialog);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const active = dialog.ownerDocument.activeElement;
  const atEdge = event.shiftKey ? active === first : active === last;
  if (!atEdge) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * A press anywhere outside the popover closes it, as Escape does (nothing is applied): it has no
 * backdrop, and a click into the article would otherwise move the caret behind a dialog that
 * still waits for an answer.
 */
function useCloseOnPressOutside(dialogRef: { current: HTMLElement | null }, onClose: () => void) {
  const latestOnClose = useRef(onClose);
  useEffect(() => {
    latestOnClose.current = onClose;
  });
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const pressed = (event: PointerEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) latestOnClose.current();
    };
    const page = dialog.ownerDocument;
    page.addEventListener('pointerdown', pressed, true);
    return () => page.removeEventListener('pointerdown', pressed, true);
  }, [dialogRef]);
}

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
  const dialogRef = useRef<HTMLDivElement>(null);
  useCloseOnPressOutside(dialogRef, onClose);
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
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className={className}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'Tab' && dialogRef.current) {
          keepTabInside(dialogRef.current, event);
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
