// Host test of the firmware's protocol code (studio_protocol.cpp), run by src/core/protocol/firmwareEncoder.test.ts.
//
//   encode_vectors [commands.bin]
//
// Prints JSON to stdout: every test frame as hex with the values a decoder must read back from it, and — when
// a file of host-command bytes is given — the commands the firmware's CommandParser finds in it.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "../tinyml_studio/studio_protocol.h"

using namespace studio;

namespace {

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// %.9g prints every float32 so that it reads back as the same float32.
std::string jsonFloat(float v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", static_cast<double>(v));
  return text;
}

template <typename T>
std::string jsonInts(const T* values, size_t count) {
  std::string out = "[";
  for (size_t i = 0; i < count; i++) out += (i ? "," : "") + std::to_string(values[i]);
  return out + "]";
}

struct Vector {
  std::string name;
  std::vector<uint8_t> bytes;
  std::string expect;
};

std::vector<Vector> vectors;
uint8_t frame[kMaxFrame];

void add(const std::string& name, size_t length, const std::string& expect) {
  if (length == 0) {
    std::fprintf(stderr, "encoder refused vector %s\n", name.c_str());
    std::exit(1);
  }
  vectors.push_back({name, std::vector<uint8_t>(frame, frame + length), expect});
}

const char* revisionName(BoardRevision r) { return r == kRev1 ? "Rev1" : r == kRev2 ? "Rev2" : "unknown"; }

std::string handshakeJson(uint16_t seq, const DeviceInfo& d) {
  std::string sensors = "[";
  for (uint8_t i = 0; i < d.sensorCount; i++) {
    const SensorInfo& s = d.sensors[i];
    std::string axes = "[";
    for (uint8_t a = 0; a < s.axisCount; a++) axes += (a ? "," : "") + jsonString(s.axes[a]);
    std::string rates = "[";
    for (uint8_t r = 0; r < s.rateCount; r++) rates += (r ? "," : "") + jsonFloat(s.rates[r]);
    sensors += std::string(i ? "," : "") + "{\"id\":" + std::to_string(s.id) + ",\"kind\":\"" +
               (s.kind == kKindImu ? "imu" : "audio") + "\",\"name\":" + jsonString(s.name) +
               ",\"units\":" + jsonString(s.units) + ",\"axes\":" + axes + "],\"scale\":" + jsonFloat(s.scale) +
               ",\"rates\":" + rates + "],\"rateHz\":" + jsonFloat(s.rateHz) +
               ",\"streaming\":" + (s.streaming ? "true" : "false") + "}";
  }
  return "{\"type\":\"handshake\",\"seq\":" + std::to_string(seq) + ",\"info\":{\"board\":" + jsonString(d.board) +
         ",\"revision\":\"" + revisionName(d.revision) + "\",\"firmware\":" + jsonString(d.firmware) +
         ",\"sensors\":" + sensors + "]}}";
}

void addHandshake(const std::string& name, uint16_t seq, uint8_t flags, const DeviceInfo& d) {
  add(name, encodeHandshake(frame, sizeof frame, seq, flags, d), handshakeJson(seq, d));
}

void addImu(const std::string& name, uint8_t id, uint16_t seq, bool start, uint32_t timeUs, uint8_t axes,
            const std::vector<int16_t>& values) {
  const uint8_t readings = static_cast<uint8_t>(values.size() / axes);
  add(name, encodeImu(frame, sizeof frame, id, seq, start ? kFlagStart : 0, timeUs, axes, readings, values.data()),
      "{\"type\":\"imu\",\"sensorId\":" + std::to_string(id) + ",\"seq\":" + std::to_string(seq) +
          ",\"start\":" + (start ? "true" : "false") + ",\"deviceTimeUs\":" + std::to_string(timeUs) +
          ",\"axes\":" + std::to_string(axes) + ",\"values\":" + jsonInts(values.data(), values.size()) + "}");
}

void addAudio(const std::string& name, uint8_t id, uint16_t seq, bool start, uint32_t index,
              const std::vector<int16_t>& pcm) {
  add(name, encodeAudio(frame, sizeof frame, id, seq, start ? kFlagStart : 0, index, pcm.data(), pcm.size()),
      "{\"type\":\"audio\",\"sensorId\":" + std::to_string(id) + ",\"seq\":" + std::to_string(seq) +
          ",\"start\":" + (start ? "true" : "false") + ",\"sampleIndex\":" + std::to_string(index) +
          ",\"pcm\":" + jsonInts(pcm.data(), pcm.size()) + "}");
}

void addText(const std::string& name, FrameType type, uint16_t seq, const std::string& text, size_t expectedBytes) {
  add(name, encodeText(frame, sizeof frame, type, seq, 0, text.c_str()),
      std::string("{\"type\":\"") + (type == kText ? "text" : "error") + "\",\"seq\":" + std::to_string(seq) +
          ",\"text\":" + jsonString(text.substr(0, expectedBytes)) + "}");
}

const char* commandName(FrameType t) {
  switch (t) {
    case kHello:
      return "hello";
    case kStart:
      return "start";
    case kStop:
      return "stop";
    case kSetRate:
      return "set-rate";
    default:
      return "?";
  }
}

void addAck(const std::string& name, uint16_t seq, FrameType command, uint16_t commandSeq, AckStatus status,
            const char* statusName) {
  add(name, encodeAck(frame, sizeof frame, seq, 0, command, commandSeq, status),
      "{\"type\":\"ack\",\"seq\":" + std::to_string(seq) + ",\"command\":\"" + commandName(command) +
          "\",\"commandSeq\":" + std::to_string(commandSeq) + ",\"status\":\"" + statusName + "\"}");
}

const char* const kAccAxes[] = {"accX", "accY", "accZ"};
const char* const kGyrAxes[] = {"gyrX", "gyrY", "gyrZ"};
const char* const kMagAxes[] = {"magX", "magY", "magZ"};
const char* const kMicAxes[] = {"audio"};
const float kRev1ImuRates[] = {119.0f, 59.5f, 29.75f};
const float kRev1MagRates[] = {20.0f, 10.0f};
const float kRev2ImuRates[] = {100.0f, 50.0f, 25.0f};
const float kRev2MagRates[] = {10.0f};
const float kMicRates[] = {16000.0f};

const SensorInfo kRev1Sensors[] = {
    {1, kKindImu, "accelerometer", "m/s2", 4.0f * 9.80665f / 32768.0f, 3, kAccAxes, 3, kRev1ImuRates, 119.0f, true},
    {2, kKindImu, "gyroscope", "dps", 2000.0f / 32768.0f, 3, kGyrAxes, 3, kRev1ImuRates, 59.5f, false},
    {3, kKindImu, "magnetometer", "uT", 400.0f / 32768.0f, 3, kMagAxes, 2, kRev1MagRates, 20.0f, false},
    {4, kKindAudio, "microphone", "wav", 1.0f / 32768.0f, 1, kMicAxes, 1, kMicRates, 16000.0f, false},
};
const SensorInfo kRev2Sensors[] = {
    {1, kKindImu, "accelerometer", "m/s2", 4.0f * 9.80665f / 32768.0f, 3, kAccAxes, 3, kRev2ImuRates, 100.0f, false},
    {2, kKindImu, "gyroscope", "dps", 2000.0f / 32768.0f, 3, kGyrAxes, 3, kRev2ImuRates, 100.0f, false},
    {3, kKindImu, "magnetometer", "uT", 0.1f, 3, kMagAxes, 1, kRev2MagRates, 10.0f, false},
    {4, kKindAudio, "microphone", "wav", 1.0f / 32768.0f, 1, kMicAxes, 1, kMicRates, 16000.0f, true},
};

void buildVectors() {
  const DeviceInfo rev1 = {"Arduino Nano 33 BLE Sense", kRev1, "1.0.0", 4, kRev1Sensors};
  const DeviceInfo rev2 = {"Arduino Nano 33 BLE Sense", kRev2, "1.0.0-rev2 \"µ\"", 4, kRev2Sensors};
  const DeviceInfo bare = {"", kRevUnknown, "", 0, nullptr};
  addHandshake("handshake rev1", 0, kFlagStart, rev1);
  addHandshake("handshake rev2", 1, 0, rev2);
  addHandshake("handshake without sensors or names", 2, 0, bare);

  addImu("imu one reading", 1, 0, true, 0, 3, {0, 1, -1});
  addImu("imu int16 extremes", 1, 1, false, 0xFFFFFFFFu, 3, {-32768, 32767, -32768, 32767, 0, -1});
  std::vector<int16_t> batch;
  for (int i = 0; i < 5 * 3; i++) batch.push_back(static_cast<int16_t>(i * 2731 - 20000));
  addImu("imu five readings at seq 65535", 254, 65535, true, 123456789u, 3, batch);
  addImu("imu seq wraps to 0", 254, 0, false, 123456789u + 42017u, 3, batch);

  std::vector<int16_t> pcm;
  for (int i = 0; i < 256; i++) pcm.push_back(static_cast<int16_t>((i * 7919) % 65536 - 32768));
  pcm[0] = -32768;
  pcm[255] = 32767;
  addAudio("audio without samples", 4, 0, true, 0, {});
  addAudio("audio 256 samples", 4, 1, false, 0, pcm);
  std::vector<int16_t> longest((kMaxPayload - 4) / 2, -1);
  addAudio("audio of the largest payload", 4, 2, false, 256, longest);

  addText("empty text", kText, 3, "", 0);
  addText("utf-8 text with escapes", kText, 4, "µT ✓ naïve \"quoted\" \\ tab\t.", 1024);
  addText("device error", kError, 5, "IMU init failed", 1024);
  addText("text cut to the largest payload", kText, 6, std::string(1100, 'a') + "b", kMaxPayload);
  addAck("ack set-rate", 7, kSetRate, 65535, kAckOk, "ok");
  addAck("ack start unknown sensor", 8, kStart, 3, kAckUnknownSensor, "unknown-sensor");
}

std::string decodeCommandsFile(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::fprintf(stderr, "cannot open %s\n", path);
    std::exit(1);
  }
  CommandParser parser;
  std::string out = "[";
  bool first = true;
  for (int c = std::fgetc(f); c != EOF; c = std::fgetc(f)) {
    parser.push(static_cast<uint8_t>(c));
    while (parser.next()) {
      const Command& cmd = parser.command();
      out += std::string(first ? "" : ",") + "{\"type\":\"" + commandName(cmd.type) +
             "\",\"seq\":" + std::to_string(cmd.seq) + ",\"sensorId\":" + std::to_string(cmd.sensorId) +
             ",\"rateHz\":" + jsonFloat(cmd.rateHz) + "}";
      first = false;
    }
  }
  std::fclose(f);
  return out + "],\"droppedBytes\":" + std::to_string(parser.droppedBytes());
}

}  // namespace

int main(int argc, char** argv) {
  buildVectors();
  std::string json = "{\"frames\":[";
  for (size_t i = 0; i < vectors.size(); i++) {
    std::string hex;
    for (uint8_t b : vectors[i].bytes) {
      char pair[3];
      std::snprintf(pair, sizeof pair, "%02x", b);
      hex += pair;
    }
    json += std::string(i ? "," : "") + "{\"name\":" + jsonString(vectors[i].name) + ",\"hex\":\"" + hex +
            "\",\"expect\":" + vectors[i].expect + "}";
  }
  json += "]";
  if (argc > 1) json += ",\"commands\":" + decodeCommandsFile(argv[1]);
  json += "}\n";
  std::fputs(json.c_str(), stdout);
  return 0;
}
