"use client";

import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { Notice } from "../../../_ui/Notice";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;
const detectorClass = () => (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

const SCAN_EVERY_MS = 300;

/**
 * Scans a coupon's QR code with the camera where the browser has `BarcodeDetector` (Chrome on Android, for one);
 * elsewhere it renders nothing and typing the code is the way. The camera stops as soon as a code is read.
 */
export function CouponScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => setSupported(Boolean(detectorClass() && navigator.mediaDevices?.getUserMedia)), []);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (stopped || !video.current) return stream.getTracks().forEach((track) => track.stop());
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new (detectorClass()!)({ formats: ["qr_code"] });
        timer = setInterval(async () => {
          const [found] = await detector.detect(video.current!).catch(() => []);
          if (found?.rawValue && !stopped) {
            setScanning(false);
            onCode(found.rawValue);
          }
        }, SCAN_EVERY_MS);
      } catch {
        setFailed(true);
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning, onCode]);

  if (!supported) return null;
  return (
    <div className="scanner">
      <button type="button" className="button button--secondary" aria-pressed={scanning} onClick={() => { setFailed(false); setScanning(!scanning); }}>
        {scanning ? t("redeem.stopScan") : t("redeem.scan")}
      </button>
      {scanning && (
        <>
          <p className="field__hint">{t("redeem.scanHint")}</p>
          <video ref={video} className="scanner__video" muted playsInline aria-label={t("redeem.scanHint")} />
        </>
      )}
      {failed && <Notice tone="warning">{t("redeem.cameraError")}</Notice>}
    </div>
  );
}
