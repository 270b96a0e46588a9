import { useEffect, useState } from 'react';
import type { TelemetryPoints, TimelineEntry, ViewMessage } from '@chaos-quest/engine';
import { messageOf, requestJson } from '../api/http.ts';
import { DebriefScreen } from '../debrief/DebriefScreen.tsx';
import { ReadOnlySessionProvider, useSessionState, type SessionSource } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; view: ViewMessage };

/** What the debrief needs beyond its view, read over HTTP with the link's token (sent as a header, never in a URL). */
function sourceOf(token: string): SessionSource {
  return {
    history: (end, limit) => requestJson<TimelineEntry[]>(`/api/debrief/timeline?end=${end}&limit=${limit}`, { token }),
    telemetry: (from) =>
      requestJson<{ telemetry: TelemetryPoints | null }>(`/api/debrief/telemetry?from=${from}`, { token }).then(
        (answer) => answer.telemetry,
      ),
  };
}

function Debrief() {
  const view = useSessionState((s) => s.sync.view);
  return view ? <DebriefScreen view={view} token={null} /> : null;
}

/**
 * A closed session's debrief opened through a read-only link: the same debrief the table saw, as the
 * room's big screen sees it, with nothing that sends a command.
 */
export function ReadOnlyDebrief({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    requestJson<ViewMessage>('/api/debrief', { token }).then(
      (view) => live && setLoaded({ state: 'ready', view }),
      (e: unknown) => live && setLoaded({ state: 'failed', message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  if (loaded.state === 'loading') return <p className="loading page">Loading the debrief…</p>;
  if (loaded.state === 'failed')
    return (
      <main className="page narrow">
        <h1>This link opens no debrief</h1>
        <FieldError message={loaded.message} />
        <p>Ask the facilitator who shared it for a new link.</p>
      </main>
    );
  return (
    <ReadOnlySessionProvider key={token} view={loaded.view} source={sourceOf(token)}>
      <p className="read-only-note page" role="note">
        <Icon name="eye" size={16} /> A read-only debrief of a finished run, shared by its facilitator. It shows what
        the whole table saw; role secrets and facilitator notes stay private.
      </p>
      <Debrief />
    </ReadOnlySessionProvider>
  );
}
