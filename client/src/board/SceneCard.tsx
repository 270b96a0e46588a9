import type { View } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';

/** The current scene: where the story stands, in the fiction's words. */
export function SceneCard({ scene, paused }: { scene: View['scene']; paused: boolean }) {
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
          <p className="narration">{scene.narration}</p>
        </>
      ) : (
        <p className="empty">Between scenes.</p>
      )}
    </article>
  );
}
