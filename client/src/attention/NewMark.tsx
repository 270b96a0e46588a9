/** A "New" tag on an item nobody has looked at yet on this screen. */
export function NewMark() {
  return <span className="new-mark">New</span>;
}
