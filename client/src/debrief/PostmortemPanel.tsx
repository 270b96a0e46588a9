import { useEffect, useState } from 'react';
import { downloadFile } from '../api/download.ts';
import { messageOf, request } from '../api/http.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

interface Props {
  sessionId: string;
  token: string;
  /** Changes whenever the draft may have changed (action items added, session closed). */
  revision: string;
}

const path = (sessionId: string, file: string) => `/api/sessions/${encodeURIComponent(sessionId)}/${file}`;

/** The post-mortem draft as Markdown, to copy or download, and the raw exports beside it. */
export function PostmortemPanel({ sessionId, token, revision }: Props) {
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    request(path(sessionId, 'postmortem.md'), { token })
      .then((r) => r.text())
      .then(
        (text) => live && (setMarkdown(text), setError(null)),
        (e: unknown) => live && setError(`Could not load the draft: ${messageOf(e)}`),
      );
    return () => {
      live = false;
    };
  }, [sessionId, token, revision]);

  const copy = async () => {
    if (markdown === null) return;
    try {
      await navigator.clipboard.writeText(markdown);
      setNote('Copied to the clipboard.');
    } catch {
      setNote('This browser would not copy (it needs https or localhost). Select the text below and copy it by hand.');
    }
  };
  const download = (file: string, name: string) => {
    setError(null);
    downloadFile(path(sessionId, file), { token }, name).catch((e: unknown) =>
      setError(`Download failed: ${messageOf(e)}`),
    );
  };

  return (
    <div className="postmortem">
      <div className="button-row">
        <button type="button" className="button primary" disabled={markdown === null} onClick={() => void copy()}>
          <Icon name="copy" size={16} /> Copy Markdown
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download('postmortem.md', `postmortem-${sessionId}.md`)}
        >
          <Icon name="download" size={16} /> Download .md
        </button>
        <button
          type="button"
          className="button quiet"
          onClick={() => download('incident.json', `incident-${sessionId}.json`)}
        >
          Incident record (JSON)
        </button>
        <button type="button" className="button quiet" onClick={() => download('log.jsonl', `log-${sessionId}.jsonl`)}>
          Event log (JSONL)
        </button>
      </div>
      {note ? (
        <p className="note" role="status">
          {note}
        </p>
      ) : null}
      <FieldError message={error} />
      {markdown !== null ? (
        <pre className="markdown" tabIndex={0} aria-label="Post-mortem draft">
          {markdown}
        </pre>
      ) : null}
    </div>
  );
}
