import { useSessionState } from '../session/SessionProvider.tsx';
import { Icon } from '../ui/Icon.tsx';

/** Says so, prominently, when the live connection is down; silent while it is fine. */
export function ConnectionBanner() {
  const status = useSessionState((s) => s.status);
  const detail = useSessionState((s) => s.statusDetail);
  const hasView = useSessionState((s) => s.sync.view !== null);
  if (status === 'online' || (status === 'connecting' && !hasView)) return null;
  const final = status === 'rejected' || status === 'closed';
  return (
    <div className={`connection-banner ${final ? 'final' : ''}`} role={final ? 'alert' : 'status'}>
      <Icon name="offline" size={18} />
      <span>
        {detail ?? 'Connecting…'}
        {final ? null : ' What you see may be out of date until it reconnects.'}
      </span>
      {final ? (
        <button type="button" className="button small" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : null}
    </div>
  );
}
