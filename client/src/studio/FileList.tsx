import { formatRoute } from '../app/route.ts';
import { AdminKeyField } from '../ui/AdminKeyField.tsx';
import { NewFileForm } from './NewFileForm.tsx';
import type { StudioFile } from './studio-api.ts';

/** The scenarios folder: each file as a link that opens it, a form for a new one, and the admin key when asked. */
export function FileList({
  files,
  open,
  error,
  needsKey,
  onChanged,
}: {
  files: readonly StudioFile[] | null;
  /** The file the route opens. */
  open: string | null;
  error: string | null;
  /** The server hides the studio or refused the key: offer the admin key field. */
  needsKey: boolean;
  /** The folder changed from here (a new file, a key saved): list it again. */
  onChanged: () => void;
}) {
  return (
    <nav className="studio-files" aria-label="Scenario files">
      <h1>Studio</h1>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {needsKey ? <AdminKeyField onSaved={onChanged} /> : null}
      <NewFileForm
        onCreated={(name) => {
          onChanged();
          window.location.hash = formatRoute({ name: 'studio', file: name });
        }}
      />
      <ul>
        {(files ?? []).map((f) => (
          <li key={f.name}>
            <a
              href={formatRoute({ name: 'studio', file: f.name })}
              aria-current={f.name === open ? 'page' : undefined}
              className={`studio-file ${f.kind}`}
            >
              {f.name}
            </a>
          </li>
        ))}
      </ul>
      {files && files.length === 0 ? <p className="muted">The scenarios folder is empty.</p> : null}
    </nav>
  );
}
