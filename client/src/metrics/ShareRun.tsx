import { useEffect, useState } from 'react';
import type { ReadOnlyLink } from '@chaos-quest/engine';
import { messageOf } from '../api/http.ts';
import { formatDate } from '../time/format.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { createLink, linkAddress, listLinks, revokeLink } from './run-requests.ts';

/**
 * Read-only links to one closed run's debrief: make one (its address is shown this once: the server
 * keeps only a hash of its token), and revoke any of them.
 */
export function ShareRun({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const [links, setLinks] = useState<ReadOnlyLink[] | null>(null);
  const [made, setMade] = useState<{ id: string; address: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => listLinks(sessionId).then(setLinks, (e: unknown) => setError(messageOf(e)));
  useEffect(() => {
    let live = true;
    listLinks(sessionId).then(
      (found) => live && setLinks(found),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [sessionId]);
  const act = (task: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    task()
      .then(reload, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  const open = links?.filter((l) => l.revokedAt === null) ?? [];
  return (
    <div className="share-run">
      {made ? (
        <p className="share-made">
          <label>
            Read-only link (copy it now: it is shown only once)
            <input readOnly value={made.address} onFocus={(e) => e.target.select()} />
          </label>
        </p>
      ) : null}
      {open.length ? (
        <ul className="share-links">
          {open.map((l) => (
            <li key={l.id}>
              Link made {formatDate(l.createdAt)}
              {made?.id === l.id ? ' (above)' : ''}{' '}
              <button
                type="button"
                className="button small quiet"
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    await revokeLink(sessionId, l.id);
                    if (made?.id === l.id) setMade(null);
                  })
                }
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : links ? (
        <p className="muted small">No read-only link opens this debrief.</p>
      ) : null}
      <span className="run-form-buttons">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() =>
            act(async () => {
              const created = await createLink(sessionId);
              setMade({ id: created.id, address: linkAddress(created.token) });
            })
          }
        >
          Make a read-only link
        </button>
        <button type="button" className="button quiet" onClick={onClose}>
          Done
        </button>
      </span>
      <FieldError message={error} />
    </div>
  );
}
