import { useState } from 'react';
import type { ConsoleCodeResponse, ConsoleKind } from '@chaos-quest/engine';
import { messageOf, request, requestJson } from '../api/http.ts';
import { useSeat } from '../app/seat-context.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

const shown = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * Moves the console to another device with a one-time code, or opens a co-facilitator's console
 * beside this one. The code is typed on the other device's start page ("Take over a console").
 */
export function ConsoleHandover() {
  const seat = useSeat();
  const [code, setCode] = useState<ConsoleCodeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  if (!seat) return null;
  if (seat.co) {
    return (
      <p className="muted small">
        <Icon name="user" size={14} /> You are a co-facilitator: you run the game with the facilitator. Ending the
        session and moving the console are theirs.
      </p>
    );
  }
  const call = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDismissed(false);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const issue = (kind: ConsoleKind) =>
    call(async () =>
      setCode(
        await requestJson<ConsoleCodeResponse>(`/api/sessions/${seat.sessionId}/console-code`, {
          body: { kind },
          token: seat.token,
        }),
      ),
    );
  const dismiss = () =>
    call(async () => {
      await request(`/api/sessions/${seat.sessionId}/co-facilitators/dismiss`, { method: 'POST', token: seat.token });
      setCode((shown) => (shown?.kind === 'co-facilitator' ? null : shown));
      setDismissed(true);
    });
  return (
    <div className="console-handover">
      {code ? (
        <div className="handover-code" role="status">
          <p>
            {code.kind === 'facilitator'
              ? 'On the other device, open the start page, choose “Take over a console” and type:'
              : 'Your co-facilitator opens the start page, chooses “Take over a console” and types:'}
          </p>
          <p className="code-display" aria-label={`Code ${code.code.split('').join(' ')}`}>
            {shown(code.code)}
          </p>
          <p className="muted small">
            Works once, until {new Date(code.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
            {code.kind === 'facilitator' ? ' This device lets go of the console when it is used.' : ''}
          </p>
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button small" disabled={busy} onClick={() => void issue('facilitator')}>
          <Icon name="screen" size={14} /> Hand over the console
        </button>
        <button type="button" className="button small" disabled={busy} onClick={() => void issue('co-facilitator')}>
          <Icon name="user" size={14} /> Invite a co-facilitator
        </button>
        <button type="button" className="button quiet small" disabled={busy} onClick={() => void dismiss()}>
          Dismiss co-facilitators
        </button>
      </div>
      {dismissed ? (
        <p className="muted small" role="status">
          Co-facilitators dismissed: their consoles closed, and a code not yet used no longer works.
        </p>
      ) : null}
      <FieldError message={error} />
    </div>
  );
}
