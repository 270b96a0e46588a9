import type { View } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';

/** The current scene: where the story stands, in the fiction's words. */
export function SceneCard({
  scene,
  paused,
  leadIn = null,
}: {
  scene: View['scene'];
  paused: boolean;
  /** The outcome narration of the move that led here (see sceneLeadIn). */
  leadIn?: string | null;
}) {
  return (
    <article className="scene-card" aria-label="Current scene">
      {paused ? (
        <p className="paused-note">
          <Icon name="pause" size={16} /> Paused
        </p>
      ) : null}
      {scene ? (
        <>
          <h2 className="scene-title">
            <Icon name="map" size={18} /> {scene.title}
          </h2>
          {leadIn ? (
            <p className="lead-in">
              <Icon name="dice" size={15} /> {leadIn}
            </p>
          ) : null}
          <p className="narration">{scene.narration}</p>
        </>
      ) : (
        <p className="empty">Between scenes.</p>
      )}
    </article>
  );
}
