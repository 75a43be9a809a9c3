/**
 * Short board names for one-line figures ("12 ms · 18 KB RAM · 41 KB flash on Nano 33 BLE Sense"), where the
 * catalogue's full names (vendor, revisions, module variant) make the line wrap. Keyed by board id, so a board
 * added to the catalogue without one is a type error here.
 */
import type { BoardId } from './boards';

const SHORT_NAMES: Record<BoardId, string> = {
  nano33ble: 'Nano 33 BLE Sense',
  'nicla-sense-me': 'Nicla Sense ME',
  pico: 'Pico',
  pico2: 'Pico 2',
  esp32s3: 'ESP32-S3',
  'portenta-h7': 'Portenta H7',
  'sparkfun-edge': 'SparkFun Edge',
  nrf9161: 'nRF9161 DK',
  'nucleo-l4r5zi': 'NUCLEO-L4R5ZI',
  'ek-ra6m4': 'EK-RA6M4',
  'ek-ra8d1': 'EK-RA8D1',
  'nucleo-g0b1re': 'NUCLEO-G0B1RE',
  'disco-f746ng': 'F746G-DISCO',
};

export function boardShortName(id: BoardId): string {
  return SHORT_NAMES[id];
}
