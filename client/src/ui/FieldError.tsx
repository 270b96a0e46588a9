/** A failure message shown right beside the control that caused it; announced to screen readers. */
export function FieldError({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert" id={id}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
