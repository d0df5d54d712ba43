import QRCode from "qrcode";
import { useMemo } from "react";

/**
 * The join link as a QR code, drawn as one SVG path (crisp at any size, on paper or across a room). The quiet
 * zone of four modules around the code is part of the image, as scanners need it.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
    let d = "";
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (!modules.get(row, col)) continue;
        let run = 1;
        while (col + run < modules.size && modules.get(row, col + run)) run++;
        d += `M${col + 4} ${row + 4}h${run}v1h-${run}z`;
        col += run - 1;
      }
    }
    return { size: modules.size + 8, path: d };
  }, [value]);

  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
