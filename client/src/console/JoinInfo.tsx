import { formatRoute } from '../app/route.ts';
import { QrCode } from '../join/QrCode.tsx';
import { useJoinLink } from '../join/join-address.ts';
import { Icon } from '../ui/Icon.tsx';

/** The join code, large, a QR code of the join link beside it, and where the big screen goes. */
export function JoinInfo({ joinCode }: { joinCode: string }) {
  const link = useJoinLink(joinCode);
  return (
    <div className="join-info">
      <div className="join-code-row">
        <div>
          <p className="join-label">Players join with the code</p>
          <p className="join-code" aria-label={`Join code ${joinCode.split('').join(' ')}`}>
            {joinCode}
          </p>
        </div>
        <QrCode text={link.url} label={`QR code of the join link ${link.url}`} size={112} />
      </div>
      <p className="join-url">
        or at <span className="url">{link.url}</span>
      </p>
      {link.localOnly ? (
        <p className="join-warning" role="note">
          <Icon name="warn" size={14} /> This server listens on this computer only: other devices cannot open the link.
          Start it with HOST=0.0.0.0, or set CQ_PUBLIC_URL.
        </p>
      ) : null}
      <a className="button small" href={formatRoute({ name: 'screen', joinCode })} target="_blank" rel="noopener">
        <Icon name="screen" size={15} /> Open the big screen
      </a>
    </div>
  );
}
