import { useState } from 'react';
import type { EvaluatorCodeResponse } from '@chaos-quest/engine';
import { messageOf, requestJson } from '../api/http.ts';
import { formatRoute } from '../app/route.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { sessionPath } from './exercise-api.ts';

/** Makes the link evaluators open to take a seat; the code in it is a secret, so it is shown once and not kept. */
export function EvaluatorLink({ sessionId, token }: { sessionId: string; token: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = () => {
    setError(null);
    requestJson<EvaluatorCodeResponse>(sessionPath(sessionId, 'evaluator-code'), { token, body: {} }).then(
      (r) => setLink(`${window.location.origin}/${formatRoute({ name: 'evaluate', code: r.evaluatorCode })}`),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  const copy = () =>
    navigator.clipboard.writeText(link ?? '').then(
      () => setCopied(true),
      () => setError('This browser would not copy: select the link and copy it by hand.'),
    );
  return (
    <div className="evaluator-link">
      {link ? (
        <>
          <p className="url evaluator-url">{link}</p>
          <div className="button-row">
            <button type="button" className="button small" onClick={() => void copy()}>
              <Icon name="copy" size={14} /> {copied ? 'Copied' : 'Copy link'}
            </button>
            <button type="button" className="button small quiet" onClick={make}>
              New link
            </button>
          </div>
          <small className="muted">Anyone with this link can sit as an evaluator: send it to evaluators only.</small>
        </>
      ) : (
        <button type="button" className="button" onClick={make}>
          <Icon name="eye" size={15} /> Invite evaluators
        </button>
      )}
      <FieldError message={error} />
    </div>
  );
}
