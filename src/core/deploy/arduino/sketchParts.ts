/**
 * Pieces the example sketches share: the IMU sampling of the impulse's axes into a ring of the latest window
 * (Arduino_LSM9DS1 on Rev1, Arduino_BMI270_BMM150 on Rev2: the same API and the same units), the PDM microphone
 * into a ring of the latest audio, and the printing of a result on the serial port. C++ text for the Arduino
 * Mbed OS Nano core.
 */
import type { ImpulseInput } from '../../impulse/impulse';
import type { GlueLearning } from '../impulseGlue';
import type { ImuAxis, ImuSensor } from './sketchSensor';

export type Revision = 1 | 2;

export const IMU_LIBRARIES: Record<Revision, { header: string; library: string; chip: string }> = {
  1: { header: 'Arduino_LSM9DS1.h', library: 'Arduino_LSM9DS1', chip: 'LSM9DS1' },
  2: { header: 'Arduino_BMI270_BMM150.h', library: 'Arduino_BMI270_BMM150', chip: 'BMI270 + BMM150' },
};

const READ: Record<ImuSensor, { available: string; read: string; units: string; toStudio: string }> = {
  acc: {
    available: 'accelerationAvailable',
    read: 'readAcceleration',
    units: 'm/s² (the library gives g)',
    toStudio: ' * kGravity',
  },
  gyr: { available: 'gyroscopeAvailable', read: 'readGyroscope', units: 'deg/s', toStudio: '' },
  mag: { available: 'magneticFieldAvailable', read: 'readMagneticField', units: 'µT', toStudio: '' },
};

/** Timing of continuous inference, worked out here so the sketch has named whole numbers. */
export function frameTiming(input: Pick<ImpulseInput, 'frequencyHz' | 'windowStrideMs'>): {
  intervalUs: number;
  strideFrames: number;
} {
  return {
    intervalUs: Math.round(1e6 / input.frequencyHz),
    strideFrames: Math.max(1, Math.round((input.windowStrideMs * input.frequencyHz) / 1000)),
  };
}

/** File-scope declarations and functions of IMU sampling: updateReadings() and pushFrame(). */
export function imuSampling(
  axes: readonly ImuAxis[],
  input: Pick<ImpulseInput, 'frequencyHz' | 'windowStrideMs'>,
): string {
  const sensors = [...new Set(axes.map((a) => a.sensor))];
  const timing = frameTiming(input);
  const latest = sensors
    .map((s) => `static float latest_${s}[3] = {0.0f, 0.0f, 0.0f};  // ${READ[s].units}`)
    .join('\n');
  const updates = sensors
    .map((s) => {
      const r = READ[s];
      return `  if (IMU.${r.available}() && IMU.${r.read}(x, y, z)) {
    latest_${s}[0] = x${r.toStudio};
    latest_${s}[1] = y${r.toStudio};
    latest_${s}[2] = z${r.toStudio};
  }`;
    })
    .join('\n');
  const frame = axes
    .map((a, i) => `  frame[${i}] = latest_${a.sensor}[${a.component}];  // ${a.sensor}${'XYZ'[a.component]}`)
    .join('\n');
  return `${sensors.includes('acc') ? '// The libraries give accelerations in g; the studio recorded m/s².\nstatic const float kGravity = 9.80665f;\n' : ''}// One frame every kFrameIntervalUs (IMPULSE_FREQUENCY_HZ), an inference every kStrideFrames frames (IMPULSE_STRIDE_MS).
static const unsigned long kFrameIntervalUs = ${timing.intervalUs};
static const uint32_t kStrideFrames = ${timing.strideFrames};

// The latest reading of each sensor the impulse uses, in the studio's units. The IMU's own rate (119 Hz on Rev1,
// 100 Hz on Rev2) is at least the impulse's in the usual case; a frame takes the latest reading.
${latest}

// The latest IMPULSE_SIGNAL_FRAMES frames: ring_next is the oldest (the slot written next).
static float ring[IMPULSE_SIGNAL_SIZE];
static uint32_t ring_next = 0;
static uint32_t frames_seen = 0;
static uint32_t frames_since_inference = 0;

static void updateReadings() {
  float x, y, z;
${updates}
}

static void pushFrame() {
  float* frame = &ring[ring_next * IMPULSE_SIGNAL_AXES];
${frame}
  ring_next = (ring_next + 1) % IMPULSE_SIGNAL_FRAMES;
  frames_seen++;
  frames_since_inference++;
}

// The ring in time order, oldest frame first.
static void copyWindow(float* window) {
  const uint32_t head = ring_next * IMPULSE_SIGNAL_AXES;
  for (uint32_t i = 0; i < IMPULSE_SIGNAL_SIZE; i++) window[i] = ring[(head + i) % IMPULSE_SIGNAL_SIZE];
}`;
}

/** setup() lines that start the IMU, or stop with a message naming the library. */
export function imuBegin(revision: Revision | 'macro'): string {
  const name = revision === 'macro' ? 'the IMU library chosen by BOARD_REV' : IMU_LIBRARIES[revision].library;
  return `  if (!IMU.begin()) {
    Serial.println("IMU not found: is this a Nano 33 BLE Sense with ${name}?");
    while (true) delay(1000);
  }`;
}

/** loop() of IMU sampling: a frame when it is due, the impulse once the window is full and a stride has passed. */
export const IMU_LOOP = `void loop() {
  updateReadings();
  if ((long)(micros() - next_frame_us) < 0) return;
  // An inference delays the next frames; they are taken late, at once, with the readings then current.
  next_frame_us += kFrameIntervalUs;
  pushFrame();
  if (frames_seen >= IMPULSE_SIGNAL_FRAMES && frames_since_inference >= kStrideFrames) {
    frames_since_inference = 0;
    copyWindow(window_values);
    classifyWindow();
  }
}`;

/** Extra samples the audio ring holds beyond one window: room for the interrupt while the window is copied. */
export const AUDIO_SLACK_SAMPLES = 2048;
/** Samples the PDM interrupt reads at a time (the firmware's slot size). */
export const PDM_CHUNK_SAMPLES = 256;

/** File-scope declarations and the PDM callback of microphone sampling. */
export function microphoneSampling(input: Pick<ImpulseInput, 'frequencyHz' | 'windowStrideMs'>): string {
  const timing = frameTiming(input);
  return `// An inference every kStrideSamples samples (IMPULSE_STRIDE_MS at IMPULSE_FREQUENCY_HZ).
static const uint32_t kStrideSamples = ${timing.strideFrames};

// The PDM interrupt reads ${PDM_CHUNK_SAMPLES} samples at a time into the ring; the ring holds one window plus
// kAudioSlack samples, so that the interrupt can go on writing while loop() copies the latest window out.
static const uint32_t kAudioSlack = ${AUDIO_SLACK_SAMPLES};
static const uint32_t kRingSamples = IMPULSE_SIGNAL_FRAMES + kAudioSlack;
static int16_t pdm_chunk[${PDM_CHUNK_SAMPLES}];
static int16_t ring[kRingSamples];
static volatile uint32_t samples_written = 0;
static uint32_t samples_at_inference = 0;

static void onPdmData() {
  int bytes = PDM.available();
  if (bytes > (int)sizeof pdm_chunk) bytes = sizeof pdm_chunk;
  PDM.read(pdm_chunk, bytes);
  uint32_t at = samples_written;
  for (int i = 0; i < bytes / 2; i++) ring[at++ % kRingSamples] = pdm_chunk[i];
  samples_written = at;
}

// The window ending at sample \`end\`, as the raw int16 values the studio recorded (as floats).
static void copyWindow(float* window, uint32_t end) {
  const uint32_t start = end - IMPULSE_SIGNAL_FRAMES;
  for (uint32_t i = 0; i < IMPULSE_SIGNAL_FRAMES; i++) window[i] = ring[(start + i) % kRingSamples];
}`;
}

export const MICROPHONE_BEGIN = `  PDM.onReceive(onPdmData);
  PDM.setBufferSize(sizeof pdm_chunk);
  if (!PDM.begin(1, (int)IMPULSE_FREQUENCY_HZ)) {
    Serial.println("The PDM microphone did not start.");
    while (true) delay(1000);
  }`;

export const MICROPHONE_LOOP = `void loop() {
  noInterrupts();
  const uint32_t written = samples_written;
  interrupts();
  if (written < IMPULSE_SIGNAL_FRAMES || written - samples_at_inference < kStrideSamples) return;
  samples_at_inference = written;
  copyWindow(window_values, written);
  classifyWindow();
}`;

/** printResult(values, timing): one line per window on the serial port. */
export function printResult(learning: GlueLearning): string {
  const body =
    learning.kind === 'classifier'
      ? `  int best = 0;
  for (int i = 0; i < IMPULSE_LABEL_COUNT; i++) {
    if (values[i] > values[best]) best = i;
    Serial.print(impulse_labels[i]);
    Serial.print(' ');
    Serial.print(values[i], 3);
    Serial.print("  ");
  }
  Serial.print("-> ");
  Serial.print(impulse_labels[best]);`
      : learning.kind === 'regression'
        ? `  Serial.print("value ");
  Serial.print(values[0], 4);`
        : `  Serial.print("anomaly ");
  Serial.print(values[0], 3);
  Serial.print(values[0] > 0.0f ? " (outside every cluster)" : " (inside a cluster)");`;
  return `// One line per window: ${learning.kind === 'classifier' ? 'each label with its probability, then the most probable' : learning.kind === 'regression' ? 'the value' : 'the anomaly score'}, and the time each stage took.
static void printResult(const float* values, uint32_t dsp_us, uint32_t learn_us) {
${body}
  Serial.print("  (dsp ");
  Serial.print(dsp_us / 1000.0f, 1);
  Serial.print(" ms, ${learning.kind === 'anomaly' ? 'anomaly' : 'network'} ");
  Serial.print(learn_us / 1000.0f, 1);
  Serial.println(" ms)");
}`;
}
