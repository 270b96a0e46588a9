import { useEffect, useMemo, useState } from 'react';
import { downloadFile } from '../api/download.ts';
import { messageOf, request } from '../api/http.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { BlamelessFindings, useBlamelessFindings } from './BlamelessHint.tsx';

interface Props {
  sessionId: string;
  token: string;
  /** Changes whenever the draft may have changed (notes or action items added, session closed). */
  revision: string;
  /** Names the blameless check treats as persons. */
  people: readonly string[];
}

const path = (sessionId: string, file: string) => `/api/sessions/${encodeURIComponent(sessionId)}/${file}`;

/** The post-mortem draft as Markdown, to copy or download, and the raw exports beside it. */
export function PostmortemPanel({ sessionId, token, revision, people }: Props) {
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const all = useBlamelessFindings(markdown ?? '', people);
  // A note reads in its section and again in the event log: one phrase, one piece of advice.
  const findings = useMemo(
    () => all.filter((f, i) => all.findIndex((g) => g.rule === f.rule && g.match === f.match) === i),
    [all],
  );
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
        <section className="draft-check" aria-label="Blameless check of the draft">
          <p className="muted small">
            {findings.length === 0
              ? 'Blameless check: no wording in the draft blames a person.'
              : `Blameless check: ${findings.length === 1 ? 'one phrase' : `${findings.length} phrases`} to reconsider before sharing.`}
          </p>
          <BlamelessFindings findings={findings} />
        </section>
      ) : null}
      {markdown !== null ? (
        <pre className="markdown" tabIndex={0} aria-label="Post-mortem draft">
          {markdown}
        </pre>
      ) : null}
    </div>
  );
}
