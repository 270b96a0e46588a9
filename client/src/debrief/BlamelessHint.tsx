import { useMemo } from 'react';
import { blamelessFindings, type BlamelessFinding } from '@chaos-quest/engine/client';
import { Icon } from '../ui/Icon.tsx';

/** The blameless check's findings in `text`, kept stable while the text and names do not change. */
export function useBlamelessFindings(text: string, people: readonly string[]): BlamelessFinding[] {
  return useMemo(() => (text.trim() === '' ? [] : blamelessFindings(text, people)), [text, people]);
}

/**
 * Wording that reads as blame, each phrase with a neutral rewrite to consider. Advice only: it never
 * stops anyone from writing what they meant.
 */
export function BlamelessFindings({ findings }: { findings: readonly BlamelessFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="blameless-hint">
      {findings.map((f) => (
        <li key={`${f.rule}:${f.start}`}>
          <Icon name="bulb" size={15} />
          <span>
            <q>{f.match}</q> {f.why} <strong>Consider:</strong> {f.suggestion}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The check over one piece of text, shown beside it: as it is typed, or under a note already written. */
export function BlamelessHint({ text, people }: { text: string; people: readonly string[] }) {
  return <BlamelessFindings findings={useBlamelessFindings(text, people)} />;
}

/** The check over text being typed in a form, announced politely as it changes, on a row of its own. */
export function TypingAdvice({ text, people }: { text: string; people: readonly string[] }) {
  return (
    <div className="note-hint" aria-live="polite">
      <BlamelessHint text={text} people={people} />
    </div>
  );
}
