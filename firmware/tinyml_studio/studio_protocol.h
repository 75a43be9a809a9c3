// TinyML Studio serial protocol, device side: frame encoders and the host-command parser.
// Plain portable C++ (no Arduino headers): the sketch uses it, and firmware/host_test compiles it with g++ so
// the studio's tests can check every byte against the TypeScript decoder. Specification: docs/protocol.md.
//
// Frame: A5 5A | type u8 | flags u8 | stream u8 | seq u16 LE | length u16 LE | payload | CRC-16 LE
// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over type … end of payload.
#ifndef TINYML_STUDIO_PROTOCOL_H
#define TINYML_STUDIO_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

namespace studio {

const uint8_t kProtocolVersion = 1;
const uint8_t kSync0 = 0xA5;
const uint8_t kSync1 = 0x5A;
const size_t kHeaderSize = 9;
const size_t kCrcSize = 2;
const size_t kMaxPayload = 1024;
const size_t kMaxFrame = kHeaderSize + kMaxPayload + kCrcSize;

// flags bit 0: first frame of a stream since it (re)started; its seq restarts.
const uint8_t kFlagStart = 0x01;
// Stream 0 carries control frames; sensor data travels on the sensor's id (1…254).
const uint8_t kControlStream = 0;
// stop with sensor id 0 stops every stream.
const uint8_t kAllSensors = 0;

enum FrameType : uint8_t {
  // device → host
  kHandshake = 0x01,
  kImu = 0x02,
  kAudio = 0x03,
  kText = 0x04,
  kError = 0x05,
  kAck = 0x06,
  // host → device
  kHello = 0x81,
  kStart = 0x82,
  kStop = 0x83,
  kSetRate = 0x84,
};

enum AckStatus : uint8_t {
  kAckOk = 0,
  kAckUnknownSensor = 1,
  kAckUnsupportedRate = 2,
  kAckBadCommand = 3,
  kAckSensorFailure = 4,
};

enum BoardRevision : uint8_t { kRevUnknown = 0, kRev1 = 1, kRev2 = 2 };
enum SensorKind : uint8_t { kKindImu = 0, kKindAudio = 1 };

struct SensorInfo {
  uint8_t id;
  SensorKind kind;
  const char* name;
  const char* units;
  float scale;  // physical value = raw int16 × scale
  uint8_t axisCount;
  const char* const* axes;
  uint8_t rateCount;
  const float* rates;
  float rateHz;  // the rate it streams at now
  bool streaming;
};

struct DeviceInfo {
  const char* board;
  BoardRevision revision;
  const char* firmware;
  uint8_t sensorCount;
  const SensorInfo* sensors;
};

uint16_t crc16(const uint8_t* data, size_t length, uint16_t crc = 0xFFFF);

// Every encoder writes one whole frame into out[0, capacity) and returns its length, or 0 when the frame
// would not fit in `capacity` or break a protocol limit (nothing useful is written then).

size_t encodeHandshake(uint8_t* out, size_t capacity, uint16_t seq, uint8_t flags, const DeviceInfo& info);

// `readings` readings of `axes` values each, interleaved by axis; the first was taken at deviceTimeUs.
size_t encodeImu(uint8_t* out, size_t capacity, uint8_t sensorId, uint16_t seq, uint8_t flags, uint32_t deviceTimeUs,
                 uint8_t axes, uint8_t readings, const int16_t* values);

// `count` PCM samples, the first being sample number `sampleIndex` since the stream started.
size_t encodeAudio(uint8_t* out, size_t capacity, uint8_t sensorId, uint16_t seq, uint8_t flags, uint32_t sampleIndex,
                   const int16_t* pcm, size_t count);

// type kText or kError; a text longer than kMaxPayload bytes is cut (a device must never fail to report).
size_t encodeText(uint8_t* out, size_t capacity, FrameType type, uint16_t seq, uint8_t flags, const char* text);

size_t encodeAck(uint8_t* out, size_t capacity, uint16_t seq, uint8_t flags, FrameType command, uint16_t commandSeq,
                 AckStatus status);

struct Command {
  FrameType type;  // kHello, kStart, kStop or kSetRate
  uint16_t seq;
  uint8_t sensorId;  // kAllSensors for "stop all"
  float rateHz;      // kSetRate only
};

// Reads host commands from bytes cut anywhere. A command that fails any check is dropped and scanning resumes
// one byte after its sync marker, so a good command behind a bad one is still found. Use:
//   parser.push(byte); while (parser.next()) handle(parser.command());
class CommandParser {
 public:
  void push(uint8_t byte);
  // True when a valid command was found (now in command()); call until false after each push.
  bool next();
  const Command& command() const { return command_; }
  // Bytes dropped so far (noise or rejected commands).
  uint32_t droppedBytes() const { return dropped_; }

 private:
  // The longest command frame (set-rate) twice over, so a few pushes without next() lose nothing.
  static const size_t kCapacity = 2 * (kHeaderSize + 5 + kCrcSize);
  void drop();
  void shift(size_t n);

  uint8_t buf_[kCapacity] = {};
  size_t length_ = 0;
  uint32_t dropped_ = 0;
  Command command_ = {kHello, 0, 0, 0.0f};
};

}  // namespace studio

#endif  // TINYML_STUDIO_PROTOCOL_H
