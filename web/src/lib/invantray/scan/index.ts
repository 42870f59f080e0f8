/**
 * Scanning for Invantray's screens (moves, counts, receiving):
 *
 *   <ScanInput accept={['item', 'location']} onscan={(result) => …} bind:this={scanner} />
 *
 * `result.match` is the first lookup match of an accepted kind (`type`, `item`,
 * `location`, `lot`, `unit`, `factor`); `scanQuantity(match)` is how many base units
 * a scan counts (a carton barcode counts its factor); `scanner.focus()` brings the
 * field back for the next scan. `lookupCode(code, accept)` resolves without the field.
 */
export { cameraSupported, startCameraScan } from './camera';
export { lookupCode } from './lookup';
export {
  describeMatch,
  describeMiss,
  normalizeScan,
  pickMatch,
  type ScanItem,
  type ScanKind,
  type ScanLocation,
  type ScanLot,
  type ScanMatch,
  type ScanResult,
  scanQuantity,
} from './parse';
export { default as ScanInput } from './ScanInput.svelte';
