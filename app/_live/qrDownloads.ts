import QRCode from "qrcode";

/** A QR code as files to download: SVG for print shops (any size, crisp), PNG at 2048 px for anything else. */
export async function qrDownloads(value: string): Promise<{ svg: string; png: string }> {
  const options = { errorCorrectionLevel: "M", margin: 4 } as const;
  const [svg, png] = await Promise.all([
    QRCode.toString(value, { ...options, type: "svg" }),
    QRCode.toDataURL(value, { ...options, width: 2048 }),
  ]);
  return { svg: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, png };
}
