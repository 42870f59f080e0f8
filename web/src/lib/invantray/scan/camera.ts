/**
 * Scanning with the camera through the BarcodeDetector API (Chromium on
 * Android and desktop, Safari behind a flag). Where it does not exist the
 * camera button is not shown: the keyboard-wedge scan field always works.
 */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/** The formats labels and suppliers use: Invantray prints Code 128 and QR; EAN/UPC are on goods. */
export const FORMATS = ['code_128', 'qr_code', 'ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_39', 'data_matrix'];

export function cameraSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'BarcodeDetector' in window &&
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

/**
 * Starts the back camera in `video` and calls `onCode` with the first code it
 * reads (then stops). Returns `stop` to end it early (the dialog closed).
 * The detect loop runs about 8 times a second: enough for a steady hand, light
 * on a phone's battery.
 */
export async function startCameraScan(
  video: HTMLVideoElement,
  onCode: (code: string) => void,
): Promise<() => void> {
  const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector;
  const supported = await (
    Detector as unknown as { getSupportedFormats?: () => Promise<string[]> }
  ).getSupportedFormats?.();
  const formats = supported ? FORMATS.filter((format) => supported.includes(format)) : FORMATS;
  const detector = new Detector(formats.length ? { formats } : undefined);
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  const tick = async () => {
    if (stopped) return;
    try {
      const found = await detector.detect(video);
      const code = found.find((barcode) => barcode.rawValue)?.rawValue;
      if (code && !stopped) {
        stop();
        onCode(code);
        return;
      }
    } catch {
      // A frame not ready yet: try the next one.
    }
    timer = setTimeout(tick, 125);
  };
  void tick();
  return stop;
}
