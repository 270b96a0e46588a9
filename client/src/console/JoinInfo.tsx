import { formatRoute } from '../app/route.ts';
import { Icon } from '../ui/Icon.tsx';

/** The join code, large, and where players and the big screen go. */
export function JoinInfo({ joinCode }: { joinCode: string }) {
  const joinUrl = `${window.location.origin}${window.location.pathname}${formatRoute({ name: 'home', joinCode })}`;
  return (
    <div className="join-info">
      <p className="join-label">Players join with the code</p>
      <p className="join-code" aria-label={`Join code ${joinCode.split('').join(' ')}`}>
        {joinCode}
      </p>
      <p className="join-url">
        or at <span className="url">{joinUrl}</span>
      </p>
      <a className="button small" href={formatRoute({ name: 'screen', joinCode })} target="_blank" rel="noopener">
        <Icon name="screen" size={15} /> Open the big screen
      </a>
    </div>
  );
}
