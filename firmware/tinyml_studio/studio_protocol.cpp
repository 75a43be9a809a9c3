// TinyML Studio serial protocol, device side. See studio_protocol.h and docs/protocol.md.
#include "studio_protocol.h"

#include <string.h>

#include <cmath>

namespace studio {

static_assert(sizeof(float) == 4, "the protocol carries IEEE-754 binary32 floats");

uint16_t crc16(const uint8_t* data, size_t length, uint16_t crc) {
  for (size_t i = 0; i < length; i++) {
    crc ^= static_cast<uint16_t>(data[i] << 8);
    for (int bit = 0; bit < 8; bit++) {
      crc = (crc & 0x8000) ? static_cast<uint16_t>((crc << 1) ^ 0x1021) : static_cast<uint16_t>(crc << 1);
    }
  }
  return crc;
}

namespace {

// Little-endian writes into one frame; the header is written up front, the CRC by finish().
class FrameWriter {
 public:
  FrameWriter(uint8_t* out, size_t capacity, FrameType type, uint8_t flags, uint8_t stream, uint16_t seq,
              size_t payloadLength)
      : out_(out), at_(kHeaderSize), length_(payloadLength) {
    ok_ = payloadLength <= kMaxPayload && kHeaderSize + payloadLength + kCrcSize <= capacity;
    if (!ok_) return;
    out_[0] = kSync0;
    out_[1] = kSync1;
    out_[2] = type;
    out_[3] = flags;
    out_[4] = stream;
    out_[5] = static_cast<uint8_t>(seq);
    out_[6] = static_cast<uint8_t>(seq >> 8);
    out_[7] = static_cast<uint8_t>(payloadLength);
    out_[8] = static_cast<uint8_t>(payloadLength >> 8);
  }

  bool ok() const { return ok_; }

  void u8(uint8_t v) { out_[at_++] = v; }

  void u16(uint16_t v) {
    out_[at_++] = static_cast<uint8_t>(v);
    out_[at_++] = static_cast<uint8_t>(v >> 8);
  }

  void u32(uint32_t v) {
    for (int i = 0; i < 4; i++) out_[at_++] = static_cast<uint8_t>(v >> (8 * i));
  }

  void f32(float v) {
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    u32(bits);
  }

  void bytes(const void* data, size_t n) {
    memcpy(out_ + at_, data, n);
    at_ += n;
  }

  // u8 length + bytes; callers check lengths (≤ 255) beforehand.
  void shortString(const char* s) {
    size_t n = strlen(s);
    u8(static_cast<uint8_t>(n));
    bytes(s, n);
  }

  size_t finish() {
    uint16_t crc = crc16(out_ + 2, kHeaderSize - 2 + length_);
    u16(crc);
    return at_;
  }

 private:
  uint8_t* out_;
  size_t at_;
  size_t length_;
  bool ok_;
};

const size_t kMaxString = 255;
const uint8_t kMaxSensors = 16;
const uint8_t kMaxAxes = 16;
const uint8_t kMaxRates = 16;

bool shortStringOk(const char* s) { return s != nullptr && strlen(s) <= kMaxString; }

// Payload bytes of a handshake, or 0 when a field breaks a protocol limit.
size_t handshakeLength(const DeviceInfo& info) {
  if (!shortStringOk(info.board) || !shortStringOk(info.firmware) || info.sensorCount > kMaxSensors) return 0;
  size_t n = 2 + 1 + strlen(info.board) + 1 + strlen(info.firmware) + 1;
  for (uint8_t i = 0; i < info.sensorCount; i++) {
    const SensorInfo& s = info.sensors[i];
    if (s.id == 0 || s.id == 0xFF || !shortStringOk(s.name) || !shortStringOk(s.units)) return 0;
    if (s.axisCount == 0 || s.axisCount > kMaxAxes || s.rateCount == 0 || s.rateCount > kMaxRates) return 0;
    n += 2 + 1 + strlen(s.name) + 1 + strlen(s.units) + 4 + 1 + 4 * s.rateCount + 4 + 1 + 1;
    for (uint8_t a = 0; a < s.axisCount; a++) {
      if (!shortStringOk(s.axes[a])) return 0;
      n += 1 + strlen(s.axes[a]);
    }
  }
  return n;
}

}  // namespace

size_t encodeHandshake(uint8_t* out, size_t capacity, uint16_t seq, uint8_t flags, const DeviceInfo& info) {
  size_t length = handshakeLength(info);
  if (length == 0) return 0;
  FrameWriter w(out, capacity, kHandshake, flags, kControlStream, seq, length);
  if (!w.ok()) return 0;
  w.u8(kProtocolVersion);
  w.u8(info.revision);
  w.shortString(info.board);
  w.shortString(info.firmware);
  w.u8(info.sensorCount);
  for (uint8_t i = 0; i < info.sensorCount; i++) {
    const SensorInfo& s = info.sensors[i];
    w.u8(s.id);
    w.u8(s.kind);
    w.shortString(s.name);
    w.shortString(s.units);
    w.f32(s.scale);
    w.u8(s.rateCount);
    for (uint8_t r = 0; r < s.rateCount; r++) w.f32(s.rates[r]);
    w.f32(s.rateHz);
    w.u8(s.streaming ? 1 : 0);
    w.u8(s.axisCount);
    for (uint8_t a = 0; a < s.axisCount; a++) w.shortString(s.axes[a]);
  }
  return w.finish();
}

size_t encodeImu(uint8_t* out, size_t capacity, uint8_t sensorId, uint16_t seq, uint8_t flags, uint32_t deviceTimeUs,
                 uint8_t axes, uint8_t readings, const int16_t* values) {
  if (sensorId == 0 || sensorId == 0xFF || axes == 0 || axes > kMaxAxes || readings == 0) return 0;
  size_t count = static_cast<size_t>(axes) * readings;
  FrameWriter w(out, capacity, kImu, flags, sensorId, seq, 6 + 2 * count);
  if (!w.ok()) return 0;
  w.u32(deviceTimeUs);
  w.u8(axes);
  w.u8(readings);
  for (size_t i = 0; i < count; i++) w.u16(static_cast<uint16_t>(values[i]));
  return w.finish();
}

size_t encodeAudio(uint8_t* out, size_t capacity, uint8_t sensorId, uint16_t seq, uint8_t flags, uint32_t sampleIndex,
                   const int16_t* pcm, size_t count) {
  if (sensorId == 0 || sensorId == 0xFF) return 0;
  FrameWriter w(out, capacity, kAudio, flags, sensorId, seq, 4 + 2 * count);
  if (!w.ok()) return 0;
  w.u32(sampleIndex);
  for (size_t i = 0; i < count; i++) w.u16(static_cast<uint16_t>(pcm[i]));
  return w.finish();
}

size_t encodeText(uint8_t* out, size_t capacity, FrameType type, uint16_t seq, uint8_t flags, const char* text) {
  if (type != kText && type != kError) return 0;
  size_t n = strlen(text);
  if (n > kMaxPayload) n = kMaxPayload;
  FrameWriter w(out, capacity, type, flags, kControlStream, seq, n);
  if (!w.ok()) return 0;
  w.bytes(text, n);
  return w.finish();
}

size_t encodeAck(uint8_t* out, size_t capacity, uint16_t seq, uint8_t flags, FrameType command, uint16_t commandSeq,
                 AckStatus status) {
  FrameWriter w(out, capacity, kAck, flags, kControlStream, seq, 4);
  if (!w.ok()) return 0;
  w.u8(command);
  w.u16(commandSeq);
  w.u8(status);
  return w.finish();
}

namespace {

// Payload length of each command type, or -1 for a type that is not a command.
int commandLength(uint8_t type) {
  switch (type) {
    case kHello:
      return 0;
    case kStart:
    case kStop:
      return 1;
    case kSetRate:
      return 5;
    default:
      return -1;
  }
}

}  // namespace

void CommandParser::push(uint8_t byte) {
  if (length_ == kCapacity) drop();
  buf_[length_++] = byte;
}

bool CommandParser::next() {
  for (;;) {
    if (length_ == 0) return false;
    if (buf_[0] != kSync0 || (length_ >= 2 && buf_[1] != kSync1)) {
      drop();
      continue;
    }
    if (length_ < kHeaderSize) return false;
    const uint8_t type = buf_[2];
    const uint8_t flags = buf_[3];
    const uint8_t stream = buf_[4];
    const size_t payload = static_cast<size_t>(buf_[7] | (buf_[8] << 8));
    const int expected = commandLength(type);
    if (expected < 0 || (flags & ~kFlagStart) != 0 || stream != kControlStream ||
        payload != static_cast<size_t>(expected)) {
      drop();
      continue;
    }
    const size_t total = kHeaderSize + payload + kCrcSize;
    if (length_ < total) return false;
    const uint16_t crc = static_cast<uint16_t>(buf_[total - 2] | (buf_[total - 1] << 8));
    if (crc16(buf_ + 2, total - 4) != crc) {
      drop();
      continue;
    }
    Command c = {static_cast<FrameType>(type), static_cast<uint16_t>(buf_[5] | (buf_[6] << 8)), 0, 0.0f};
    if (payload >= 1) c.sensorId = buf_[kHeaderSize];
    if (type == kSetRate) {
      uint32_t bits = 0;
      for (int i = 0; i < 4; i++) bits |= static_cast<uint32_t>(buf_[kHeaderSize + 1 + i]) << (8 * i);
      memcpy(&c.rateHz, &bits, sizeof bits);
    }
    // start and set-rate name one sensor; a rate must be a positive finite number.
    const bool namesSensor = (type != kStart && type != kSetRate) || c.sensorId != kAllSensors;
    if (!namesSensor || (type == kSetRate && !(std::isfinite(c.rateHz) && c.rateHz > 0.0f))) {
      drop();
      continue;
    }
    command_ = c;
    shift(total);
    return true;
  }
}

void CommandParser::drop() {
  shift(1);
  dropped_++;
}

void CommandParser::shift(size_t n) {
  memmove(buf_, buf_ + n, length_ - n);
  length_ -= n;
}

}  // namespace studio
