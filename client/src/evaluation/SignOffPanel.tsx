import { useState, type FormEvent } from 'react';
import type { ExerciseView } from '@chaos-quest/engine';
import { downloadFile } from '../api/download.ts';
import { messageOf } from '../api/http.ts';
import { formatRoute } from '../app/route.ts';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { sessionPath } from './exercise-api.ts';
import { ratingOf } from './ObjectivesList.tsx';
import { SignedOffBanner } from './SignedOffBanner.tsx';

/** The report (print page and Markdown), the evidence pack, and the facilitator's sign-off that freezes the record. */
export function SignOffPanel({
  exercise,
  sessionId,
  token,
}: {
  exercise: ExerciseView;
  sessionId: string;
  token: string;
}) {
  const { send, busy, error, clearError } = useCommand('exercise.signoff');
  const [name, setName] = useState('');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const unrated = exercise.objectives.filter((o) => ratingOf(exercise, o.id) === null).length;
  const download = (file: string, saveAs: string) => {
    setDownloadError(null);
    downloadFile(sessionPath(sessionId, file), { token }, saveAs).catch((e: unknown) => setDownloadError(messageOf(e)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ type: 'exercise.signoff', name: name.trim() });
  };
  return (
    <div className="sign-off">
      <div className="button-row">
        <a className="button" href={formatRoute({ name: 'report', sessionId })} target="_blank" rel="noopener">
          <Icon name="copy" size={15} /> Report to print or save as PDF
        </a>
        <button
          type="button"
          className="button"
          onClick={() => download('report.md', `after-action-report-${sessionId}.md`)}
        >
          <Icon name="download" size={15} /> Report (Markdown)
        </button>
        <button type="button" className="button" onClick={() => download('evidence.zip', `evidence-${sessionId}.zip`)}>
          <Icon name="download" size={15} /> Evidence pack
        </button>
      </div>
      <FieldError message={downloadError} />
      {exercise.signedOff ? (
        <SignedOffBanner signedOff={exercise.signedOff} />
      ) : (
        <form className="sign-off-form" onSubmit={submit} onChange={clearError}>
          <p className="muted small">
            Signing off freezes the exercise’s record: nothing more can be added, rated or changed, and the evidence
            pack stays byte for byte the same.
            {unrated ? ` ${unrated} of ${exercise.objectives.length} objectives are not rated yet.` : ''}
          </p>
          <label className="field">
            <span>Signed off by</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              required
              autoComplete="name"
            />
          </label>
          <button type="submit" className="button danger" disabled={busy || name.trim() === ''}>
            <Icon name="lock" size={15} /> Sign off and freeze the record
          </button>
          <FieldError message={error} />
        </form>
      )}
    </div>
  );
}
