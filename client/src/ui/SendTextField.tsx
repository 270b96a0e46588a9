/**
 * A one-line text box with its send button, as the forms that post a short note use it: typing
 * clears the last error, and the button waits for text and for the previous send. The form around
 * it owns the label, the submit and the error line.
 */
export function SendTextField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder: string;
  busy: boolean;
  button: string;
}) {
  return (
    <div className="inline-field">
      <input
        id={props.id}
        value={props.value}
        maxLength={props.maxLength}
        required
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <button
        type="submit"
        className="button"
        disabled={props.busy || props.value.trim() === ''}
        aria-busy={props.busy}
      >
        {props.button}
      </button>
    </div>
  );
}
