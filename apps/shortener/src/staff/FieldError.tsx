export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="error">
      {message}
    </span>
  ) : null;
}
