/**
 * A small set of line icons drawn in SVG, so every machine shows them the same (no emoji font
 * needed). Icons are decorative: the text beside them carries the meaning.
 */
const PATHS = {
  check: 'M5 12l5 5 9-10',
  cross: 'M6 6l12 12M18 6L6 18',
  warn: 'M12 3l10 18H2z M12 10v5 M12 18h.01',
  clock: 'M12 3a9 9 0 110 18 9 9 0 010-18z M12 7v5l3 3',
  bell: 'M6 16v-5a6 6 0 0112 0v5l2 2H4z M10 20a2 2 0 004 0',
  mail: 'M3 6h18v12H3z M3 7l9 6 9-6',
  flag: 'M5 21V4 M5 4h11l-2 4 2 4H5',
  dice: 'M6 4h12a2 2 0 012 2v12a2 2 0 01-2 2H6a2 2 0 01-2-2V6a2 2 0 012-2z M9 9h.01 M15 15h.01 M12 12h.01 M15 9h.01 M9 15h.01',
  hand: 'M8 13V6a1.5 1.5 0 013 0v5 M11 11V4.5a1.5 1.5 0 013 0V11 M14 11V6a1.5 1.5 0 013 0v7c0 4-3 7-6 7h-1c-3 0-4-2-5-4l-2-4a1.5 1.5 0 012.5-1.5L8 13',
  user: 'M12 4a4 4 0 110 8 4 4 0 010-8z M4 21c0-4 4-6 8-6s8 2 8 6',
  megaphone: 'M3 10v4h4l8 5V5l-8 5z M18 9a4 4 0 010 6',
  chat: 'M4 5h16v11H9l-5 4z',
  bulb: 'M9 18h6 M10 21h4 M12 3a6 6 0 00-4 10.5c.8.8 1 1.5 1 2.5h6c0-1 .2-1.7 1-2.5A6 6 0 0012 3z',
  compass: 'M12 3a9 9 0 110 18 9 9 0 010-18z M15.5 8.5l-2 5-5 2 2-5z',
  play: 'M7 4l13 8-13 8z',
  pause: 'M7 4h3v16H7z M14 4h3v16h-3z',
  map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z M9 3v15 M15 6v15',
  pulse: 'M3 12h4l3-7 4 14 3-7h4',
  list: 'M9 6h11 M9 12h11 M9 18h11 M4 6h.01 M4 12h.01 M4 18h.01',
  lock: 'M5 11h14v10H5z M8 11V7a4 4 0 018 0v4',
  screen: 'M3 4h18v12H3z M8 20h8 M12 16v4',
  offline:
    'M2 2l20 20 M8.5 16.5a5 5 0 017 0 M5 12.6a10 10 0 015-2.5 M19 12.6a10 10 0 00-2.3-1.6 M1.5 9a15 15 0 014.2-2.6 M22.5 9A15 15 0 0011 5 M12 20h.01',
  escalate: 'M12 20V4 M6 10l6-6 6 6',
  chart: 'M4 20V4 M4 20h16 M7 15l4-4 3 3 5-6',
  download: 'M12 4v12 M7 11l5 5 5-5 M5 20h14',
  copy: 'M8 8h12v12H8z M4 16V4h12',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z M12 9a3 3 0 110 6 3 3 0 010-6z',
  stop: 'M6 6h12v12H6z',
  spark: 'M12 3v4 M12 17v4 M3 12h4 M17 12h4 M6 6l2.5 2.5 M15.5 15.5L18 18 M6 18l2.5-2.5 M15.5 8.5L18 6',
  circle: 'M12 5a7 7 0 110 14 7 7 0 010-14z',
  dot: 'M12 8a4 4 0 110 8 4 4 0 010-8z',
} as const;

export type IconName = keyof typeof PATHS;

/** Icons drawn as solid shapes rather than outlines. */
const SOLID: ReadonlySet<IconName> = new Set(['dot']);

export function Icon({ name, size = 18, className = '' }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={`icon ${className}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={SOLID.has(name) ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The same icon placed inside an SVG drawing at (x, y), `size` px square. */
export function IconGlyph({ name, x, y, size = 14 }: { name: IconName; x: number; y: number; size?: number }) {
  return (
    <g
      transform={`translate(${x} ${y}) scale(${size / 24})`}
      fill="none"
      stroke="currentColor"
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </g>
  );
}
