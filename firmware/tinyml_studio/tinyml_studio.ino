// TinyML Studio firmware for the Arduino Nano 33 BLE Sense, Rev1 and Rev2.
//
// Streams the accelerometer, gyroscope, magnetometer and the PDM microphone (16 kHz, 16-bit mono) to the studio
// over USB serial, in the studio's framed binary protocol (docs/protocol.md). The studio starts and stops each
// stream and sets its rate; nothing is sent until the studio asks.
//
// CHOOSE YOUR BOARD REVISION (the two revisions have different IMUs and need different libraries):
//   Rev1 — LSM9DS1 IMU. Install "Arduino_LSM9DS1" from the Library Manager, then set STUDIO_BOARD_REV to 1.
//   Rev2 — BMI270 + BMM150 IMU. Install "Arduino_BMI270_BMM150", keep STUDIO_BOARD_REV at 2 (the default).
// Both libraries define the same global IMU object, so the choice is made here, when compiling. Not sure which
// board you have? Try 2: with the wrong revision the microphone still works and the studio shows "IMU not found".
// The PDM library comes with the "Arduino Mbed OS Nano Boards" core (Tools > Board > Boards Manager).
#ifndef STUDIO_BOARD_REV
#define STUDIO_BOARD_REV 2
#endif

#if STUDIO_BOARD_REV == 1
#include <Arduino_LSM9DS1.h>
#elif STUDIO_BOARD_REV == 2
#include <Arduino_BMI270_BMM150.h>
#else
#error "STUDIO_BOARD_REV must be 1 (LSM9DS1) or 2 (BMI270 + BMM150)"
#endif
#include <PDM.h>

#include <atomic>

#include "studio_protocol.h"

using namespace studio;

static const char kFirmwareVersion[] = "1.0.0";
static const char kBoardName[] = "Arduino Nano 33 BLE Sense";

static const uint8_t kAccId = 1;
static const uint8_t kGyrId = 2;
static const uint8_t kMagId = 3;
static const uint8_t kMicId = 4;

static const float kGravity = 9.80665f;
// The libraries configure ±4 g and ±2000 dps on both revisions; these scales cover those ranges exactly.
static const float kAccScale = 4.0f * kGravity / 32768.0f;  // m/s² per LSB
static const float kGyrScale = 2000.0f / 32768.0f;           // dps per LSB
static const float kMicScale = 1.0f / 32768.0f;              // full scale = 1

// Streamed rates are the IMU's output data rate divided by 1, 2 or 4; readings are averaged over each period
// (a box-car filter, so a lower rate does not alias).
#if STUDIO_BOARD_REV == 1
static const BoardRevision kRevision = kRev1;
static const float kImuRates[] = {119.0f, 59.5f, 29.75f};  // LSM9DS1 as configured by Arduino_LSM9DS1
static const float kMagRates[] = {20.0f, 10.0f};
static const float kMagScale = 400.0f / 32768.0f;  // ±4 gauss = ±400 µT
#else
static const BoardRevision kRevision = kRev2;
static const float kImuRates[] = {100.0f, 50.0f, 25.0f};  // BMI270 as configured by Arduino_BMI270_BMM150
static const float kMagRates[] = {10.0f};
static const float kMagScale = 0.1f;  // BMM150 reads up to ±2500 µT: 0.1 µT steps fit an int16
#endif

static const char* const kAccAxes[] = {"accX", "accY", "accZ"};
static const char* const kGyrAxes[] = {"gyrX", "gyrY", "gyrZ"};
static const char* const kMagAxes[] = {"magX", "magY", "magZ"};
static const char* const kMicAxes[] = {"audio"};
static const float kMicRates[] = {16000.0f};

// An IMU frame is sent every ~40 ms (or every reading at low rates): small latency, modest overhead.
static const float kImuFrameSeconds = 0.04f;
static const uint8_t kMaxBatch = 8;

struct ImuStream {
  uint8_t id;
  const float* rates;
  uint8_t rateCount;
  float toUnits;  // library value → the units of the handshake (g → m/s² for the accelerometer)
  float scale;
  bool streaming;
  uint8_t decimation;
  uint8_t batchTarget;
  float sum[3];
  uint8_t summed;
  uint32_t firstSubReadingUs;
  int16_t batch[3 * kMaxBatch];
  uint8_t batched;
  uint32_t batchTimeUs;
  uint16_t seq;
  bool restart;
};

static ImuStream imuStreams[] = {
    {kAccId, kImuRates, 3, kGravity, kAccScale, false, 1, 1, {0, 0, 0}, 0, 0, {0}, 0, 0, 0, true},
    {kGyrId, kImuRates, 3, 1.0f, kGyrScale, false, 1, 1, {0, 0, 0}, 0, 0, {0}, 0, 0, 0, true},
    {kMagId, kMagRates, sizeof(kMagRates) / sizeof(kMagRates[0]), 1.0f, kMagScale, false, 1, 1, {0, 0, 0}, 0, 0, {0}, 0, 0, 0, true},
};

// Microphone: the PDM interrupt fills fixed slots of a ring; loop() sends each full slot as one audio frame.
// A slot records the stream index of its first sample, so samples lost to an overrun show as a jump.
static const size_t kSlotSamples = 256;
static const size_t kAudioSlots = 16;  // 256 ms of audio
struct AudioSlot {
  uint32_t index;
  uint16_t count;
  int16_t pcm[kSlotSamples];
};
static AudioSlot audioSlots[kAudioSlots];
static int16_t discardBuffer[kSlotSamples];
static volatile uint32_t slotsWritten = 0;
static volatile uint32_t slotsRead = 0;
static volatile uint32_t samplesProduced = 0;
static volatile uint32_t samplesLost = 0;
static uint32_t samplesLostReported = 0;
static uint32_t lastOverrunReportMs = 0;
static bool micStreaming = false;
static uint16_t micSeq = 0;
static bool micRestart = true;

static bool imuReady = false;
static bool hostConnected = false;
static uint16_t controlSeq = 0;
static bool controlRestart = true;
static CommandParser commandParser;
static uint8_t frameBuffer[kMaxFrame];

// Nothing is written without a host: on the mbed core, writing to a closed USB port can block.
static void writeFrame(size_t length) {
  if (length > 0 && hostConnected) Serial.write(frameBuffer, length);
}

static uint8_t nextControlFlags() {
  uint8_t flags = controlRestart ? kFlagStart : 0;
  controlRestart = false;
  return flags;
}

static void sendText(FrameType type, const char* text) {
  uint8_t flags = nextControlFlags();
  writeFrame(encodeText(frameBuffer, sizeof frameBuffer, type, controlSeq++, flags, text));
}

static ImuStream* findImu(uint8_t id) {
  for (ImuStream& s : imuStreams) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

static float streamedRate(const ImuStream& s) { return s.rates[0] / s.decimation; }

static void sendHandshake() {
  SensorInfo sensors[4];
  const char* const* axes[] = {kAccAxes, kGyrAxes, kMagAxes};
  const char* names[] = {"accelerometer", "gyroscope", "magnetometer"};
  const char* units[] = {"m/s2", "dps", "uT"};
  for (uint8_t i = 0; i < 3; i++) {
    const ImuStream& s = imuStreams[i];
    sensors[i] = {s.id, kKindImu, names[i], units[i], s.scale, 3, axes[i], s.rateCount, s.rates, streamedRate(s), s.streaming};
  }
  sensors[3] = {kMicId, kKindAudio, "microphone", "wav", kMicScale, 1, kMicAxes, 1, kMicRates, 16000.0f, micStreaming};
  const DeviceInfo info = {kBoardName, kRevision, kFirmwareVersion, 4, sensors};
  uint8_t flags = nextControlFlags();
  writeFrame(encodeHandshake(frameBuffer, sizeof frameBuffer, controlSeq++, flags, info));
}

static int16_t toRaw(float value, float scale) {
  float raw = roundf(value / scale);
  if (raw > 32767.0f) return 32767;
  if (raw < -32768.0f) return -32768;
  return static_cast<int16_t>(raw);
}

static bool readImu(uint8_t id, float& x, float& y, float& z) {
  switch (id) {
    case kAccId:
      return IMU.accelerationAvailable() && IMU.readAcceleration(x, y, z);
    case kGyrId:
      return IMU.gyroscopeAvailable() && IMU.readGyroscope(x, y, z);
    case kMagId:
      return IMU.magneticFieldAvailable() && IMU.readMagneticField(x, y, z);
    default:
      return false;
  }
}

static void flushImu(ImuStream& s) {
  if (s.batched == 0) return;
  const uint8_t flags = s.restart ? kFlagStart : 0;
  s.restart = false;
  writeFrame(encodeImu(frameBuffer, sizeof frameBuffer, s.id, s.seq++, flags, s.batchTimeUs, 3, s.batched, s.batch));
  s.batched = 0;
}

static void pollImu(ImuStream& s) {
  float v[3];
  if (!readImu(s.id, v[0], v[1], v[2])) return;
  const uint32_t now = micros();
  if (s.summed == 0) s.firstSubReadingUs = now;
  for (int a = 0; a < 3; a++) s.sum[a] += v[a];
  if (++s.summed < s.decimation) return;
  if (s.batched == 0) s.batchTimeUs = s.firstSubReadingUs;
  for (int a = 0; a < 3; a++) {
    s.batch[3 * s.batched + a] = toRaw(s.sum[a] / s.decimation * s.toUnits, s.scale);
    s.sum[a] = 0;
  }
  s.summed = 0;
  if (++s.batched >= s.batchTarget) flushImu(s);
}

// Runs in interrupt context: copy the PDM buffer into a free slot, or count the samples as lost.
static void onPdmData() {
  int available = PDM.available();
  while (available > 0) {
    const int bytes = available > static_cast<int>(sizeof discardBuffer) ? static_cast<int>(sizeof discardBuffer) : available;
    const uint32_t written = slotsWritten;
    const uint32_t samples = static_cast<uint32_t>(bytes) / 2;
    if (written - slotsRead < kAudioSlots) {
      AudioSlot& slot = audioSlots[written % kAudioSlots];
      PDM.read(slot.pcm, bytes);
      slot.count = static_cast<uint16_t>(samples);
      slot.index = samplesProduced;
      // The slot's contents must be in memory before loop() can see the new count.
      std::atomic_signal_fence(std::memory_order_release);
      slotsWritten = written + 1;
    } else {
      PDM.read(discardBuffer, bytes);
      samplesLost = samplesLost + samples;
    }
    samplesProduced = samplesProduced + samples;
    available -= bytes;
  }
}

static void sendAudio() {
  while (slotsRead != slotsWritten) {
    std::atomic_signal_fence(std::memory_order_acquire);
    const AudioSlot& slot = audioSlots[slotsRead % kAudioSlots];
    const uint8_t flags = micRestart ? kFlagStart : 0;
    micRestart = false;
    writeFrame(encodeAudio(frameBuffer, sizeof frameBuffer, kMicId, micSeq++, flags, slot.index, slot.pcm, slot.count));
    slotsRead = slotsRead + 1;
  }
  const uint32_t lost = samplesLost;
  if (lost != samplesLostReported && millis() - lastOverrunReportMs > 1000) {
    char text[96];
    snprintf(text, sizeof text, "audio overrun: %lu samples lost (the host is not reading fast enough)",
             static_cast<unsigned long>(lost - samplesLostReported));
    sendText(kError, text);
    samplesLostReported = lost;
    lastOverrunReportMs = millis();
  }
}

static AckStatus startMic() {
  if (micStreaming) PDM.end();
  slotsWritten = 0;
  slotsRead = 0;
  samplesProduced = 0;
  samplesLost = 0;
  samplesLostReported = 0;
  micSeq = 0;
  micRestart = true;
  // PDM buffer of 512 bytes = 256 samples: one callback fills one slot.
  PDM.setBufferSize(sizeof discardBuffer);
  if (!PDM.begin(1, 16000)) {
    micStreaming = false;
    return kAckSensorFailure;
  }
  micStreaming = true;
  return kAckOk;
}

static void stopMic() {
  if (!micStreaming) return;
  PDM.end();
  sendAudio();
  micStreaming = false;
}

static void restartImu(ImuStream& s) {
  s.summed = 0;
  s.batched = 0;
  for (float& v : s.sum) v = 0;
  s.seq = 0;
  s.restart = true;
  const uint8_t target = static_cast<uint8_t>(streamedRate(s) * kImuFrameSeconds + 0.5f);
  s.batchTarget = target < 1 ? 1 : target > kMaxBatch ? kMaxBatch : target;
}

static AckStatus startStream(uint8_t id) {
  if (id == kMicId) return startMic();
  ImuStream* s = findImu(id);
  if (s == nullptr) return kAckUnknownSensor;
  if (!imuReady) return kAckSensorFailure;
  restartImu(*s);
  s->streaming = true;
  return kAckOk;
}

static AckStatus stopStream(uint8_t id) {
  if (id == kAllSensors || id == kMicId) stopMic();
  for (ImuStream& s : imuStreams) {
    if (id != kAllSensors && s.id != id) continue;
    flushImu(s);
    s.streaming = false;
  }
  return id == kAllSensors || id == kMicId || findImu(id) != nullptr ? kAckOk : kAckUnknownSensor;
}

static AckStatus setRate(uint8_t id, float hz) {
  if (id == kMicId) return hz > 15999.0f && hz < 16001.0f ? kAckOk : kAckUnsupportedRate;
  ImuStream* s = findImu(id);
  if (s == nullptr) return kAckUnknownSensor;
  for (uint8_t i = 0; i < s->rateCount; i++) {
    if (fabsf(s->rates[i] - hz) > 0.001f * s->rates[i]) continue;
    flushImu(*s);
    s->decimation = static_cast<uint8_t>(s->rates[0] / s->rates[i] + 0.5f);
    // A new rate starts a new stream: the studio must not join readings taken at different rates.
    restartImu(*s);
    return kAckOk;
  }
  return kAckUnsupportedRate;
}

static void handleCommand(const Command& c) {
  AckStatus status;
  switch (c.type) {
    case kHello:
      sendHandshake();
      if (!imuReady) sendText(kError, "IMU not found: is STUDIO_BOARD_REV in the sketch set to your board's revision?");
      return;
    case kStart:
      status = startStream(c.sensorId);
      break;
    case kStop:
      status = stopStream(c.sensorId);
      break;
    case kSetRate:
      status = setRate(c.sensorId, c.rateHz);
      break;
    default:
      status = kAckBadCommand;
      break;
  }
  uint8_t flags = nextControlFlags();
  writeFrame(encodeAck(frameBuffer, sizeof frameBuffer, controlSeq++, flags, c.type, c.seq, status));
}

static bool anyStreaming() {
  for (const ImuStream& s : imuStreams) {
    if (s.streaming) return true;
  }
  return micStreaming;
}

void setup() {
  Serial.begin(115200);  // USB CDC: the baud rate is ignored, any value works
  pinMode(LED_BUILTIN, OUTPUT);
  imuReady = IMU.begin();
  PDM.onReceive(onPdmData);
}

void loop() {
  // The host's port asserting DTR is our "connected". When it goes away, stop everything, so the next
  // connection starts from a quiet board.
  const bool connected = static_cast<bool>(Serial);
  if (connected != hostConnected) {
    hostConnected = connected;
    if (!connected) {
      stopStream(kAllSensors);
      digitalWrite(LED_BUILTIN, LOW);
    }
  }
  if (!hostConnected) return;

  while (Serial.available() > 0) {
    commandParser.push(static_cast<uint8_t>(Serial.read()));
    while (commandParser.next()) handleCommand(commandParser.command());
  }
  for (ImuStream& s : imuStreams) {
    if (s.streaming) pollImu(s);
  }
  if (micStreaming) sendAudio();
  digitalWrite(LED_BUILTIN, anyStreaming() ? HIGH : LOW);
}
