/**
 * The name of the history state that remembers the scene while the game is paused. It is not a
 * valid scenario id, so it cannot collide with a scene. Kept apart from `compile.ts` so that reading
 * a session's scene (`sceneOf`, used by the browser's entry point) never loads XState.
 */
export const LAST_SCENE = '$history';
