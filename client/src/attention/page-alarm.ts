import { useEffect, useRef, useState } from 'react';

const SETTING = 'cq.pageAlarm';

/** Whether this browser rings and vibrates for a new page: off unless the person turned it on. */
export function usePageAlarmSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(SETTING) === 'on';
    } catch {
      return false;
    }
  });
  const set = (next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(SETTING, next ? 'on' : 'off');
    } catch {
      // Without storage the choice lasts as long as the page.
    }
  };
  return [on, set];
}

/** Two short tones from the Web Audio API (no sound file to fetch), then the phone buzzes where it can. */
function ring(): void {
  try {
    const audio = new AudioContext();
    for (const [start, frequency] of [
      [0, 880],
      [0.25, 660],
    ] as const) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.22);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.22);
    }
    setTimeout(() => void audio.close(), 800);
  } catch {
    // A browser without audio (or one that blocks it) still shows the page.
  }
  navigator.vibrate?.([200, 100, 200]);
}

/** Rings (when `on`) for each page key that appears after the screen first showed; not for pages already there. */
export function usePageAlarm(keys: readonly string[], on: boolean): void {
  const known = useRef<Set<string> | null>(null);
  const joined = keys.join('\n');
  useEffect(() => {
    const now = new Set(joined === '' ? [] : joined.split('\n'));
    const before = known.current;
    known.current = now;
    if (before && on && [...now].some((k) => !before.has(k))) ring();
  }, [joined, on]);
}

/** The tab's title, with the count of pages waiting in front, so a page shows even in a background tab. */
export function usePageTitle(title: string, waiting: number): void {
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) Paged · ${title} · Chaos Quest` : `${title} · Chaos Quest`;
  }, [title, waiting]);
  useEffect(
    () => () => {
      document.title = 'Chaos Quest';
    },
    [],
  );
}
