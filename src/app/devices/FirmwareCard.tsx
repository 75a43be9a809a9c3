import { zipSync, strToU8 } from 'fflate';
import { downloadBytes } from '../../platform/download';
import { toast } from '../../state/toastStore';

/** The sketch's files, loaded only when the user asks for them. */
const SKETCH_FILES = import.meta.glob('../../../firmware/tinyml_studio/*', {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

async function downloadSketch(): Promise<void> {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, load] of Object.entries(SKETCH_FILES)) {
    entries[`tinyml_studio/${path.split('/').pop()}`] = strToU8(await load());
  }
  if (Object.keys(entries).length === 0) {
    toast.error('The firmware files are missing from this build.');
    return;
  }
  downloadBytes('tinyml_studio_firmware.zip', zipSync(entries), 'application/zip');
}

export function FirmwareCard() {
  return (
    <div className="card firmware" data-testid="firmware-card">
      <h2>Studio firmware for the Arduino Nano 33 BLE Sense</h2>
      <p className="muted">
        Streams the accelerometer, gyroscope, magnetometer and the 16 kHz microphone with sensor names, units,
        sequence numbers and checksums, so dropped or corrupt data is detected and shown. Works on Rev1 and
        Rev2.
      </p>
      <button className="btn primary" onClick={() => void downloadSketch()}>
        Download the sketch (.zip)
      </button>
      <ol className="small">
        <li>Install the Arduino IDE (2.x) or arduino-cli.</li>
        <li>
          In the Boards Manager, install <strong>Arduino Mbed OS Nano Boards</strong>.
        </li>
        <li>
          In the Library Manager, install <strong>Arduino_LSM9DS1</strong> for a Rev1 board or{' '}
          <strong>Arduino_BMI270_BMM150</strong> for a Rev2 board (the Rev2 has “Rev2” printed on the back).
          The <code>PDM</code> microphone library comes with the board package.
        </li>
        <li>
          Unzip, open <code>tinyml_studio/tinyml_studio.ino</code>, and set the board revision at the top of
          the sketch as its comment explains.
        </li>
        <li>
          Select <em>Arduino Nano 33 BLE</em> and the board’s port, then Upload. Close the IDE’s serial
          monitor, then click <em>Connect a board</em> above.
        </li>
      </ol>
    </div>
  );
}
