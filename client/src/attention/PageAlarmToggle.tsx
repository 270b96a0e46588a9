import { useId } from 'react';

/** The switch for a sound and a vibration when a page arrives (off by default). */
export function PageAlarmToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <span className="alarm-toggle">
      <input id={id} type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>Sound and vibration for pages</label>
    </span>
  );
}
