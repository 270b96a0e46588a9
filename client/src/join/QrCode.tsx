import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * `text` as a QR code, drawn as one SVG path. The `qrcode` library does the encoding (versions, masks,
 * error correction are easy to get subtly wrong by hand); React draws its module matrix, so no markup
 * string is ever injected. Quiet zone of 4 modules, as scanners expect.
 */
export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const { path, extent } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
    }
    return { path: parts.join(''), extent: modules.size + 8 };
  }, [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
