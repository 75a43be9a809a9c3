// Runs tinyml_studio.ino on the simulated board (arduino_stubs/) for src/core/protocol/firmwareSketch.test.ts.
//
//   run_sketch <script> [--imu-missing]
//
// The script drives the host side, one step a line, at simulated milliseconds in increasing order:
//   <ms> dtr <0|1>      the host opens (1) or closes (0) the port
//   <ms> send <hex>     the host writes these bytes
//   <ms> end            the run stops here
// setup() runs at 0 ms, then loop() over and over, each pass also taking kLoopWorkUs of simulated time (on top
// of the 1 ms that the USB port's `operator bool` costs, as on the real core). --imu-missing makes IMU.begin()
// fail, as on a board of the other revision.
//
// Prints to stdout, one record a line:
//   write <us> <hex>    one Serial.write() made while the host held DTR
//   led <us> <0|1>      LED_BUILTIN changed
//   end <us> <bytes written without a host> <PDM buffer overflows>
#include <Arduino.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "arduino_stubs/simulated_board.h"

namespace {

// Time a pass through loop() takes besides the USB port's delay(1): encoding and copying frames.
const uint64_t kLoopWorkUs = 20;

struct Step {
  uint64_t atUs;
  std::string action;
  std::vector<uint8_t> bytes;
  bool dtr;
};

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "run_sketch: %s\n", message.c_str());
  std::exit(2);
}

std::vector<uint8_t> fromHex(const std::string& hex, size_t line) {
  if (hex.size() % 2 != 0) fail("odd number of hex digits on script line " + std::to_string(line));
  std::vector<uint8_t> bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    bytes.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

std::vector<Step> readScript(const char* path) {
  std::ifstream in(path);
  if (!in) fail(std::string("cannot open the script ") + path);
  std::vector<Step> steps;
  std::string text;
  for (size_t line = 1; std::getline(in, text); line++) {
    std::istringstream fields(text);
    double ms = 0;
    Step step = {0, "", {}, false};
    std::string argument;
    if (!(fields >> ms >> step.action)) continue;
    step.atUs = static_cast<uint64_t>(ms * 1000);
    if (!steps.empty() && step.atUs < steps.back().atUs) fail("script line " + std::to_string(line) + " goes back in time");
    if (step.action == "send" && fields >> argument) {
      step.bytes = fromHex(argument, line);
    } else if (step.action == "dtr" && fields >> argument) {
      step.dtr = argument == "1";
    } else if (step.action != "end") {
      fail("cannot read script line " + std::to_string(line) + ": " + text);
    }
    steps.push_back(step);
  }
  if (steps.empty() || steps.back().action != "end") fail("the script must finish with an `end` step");
  return steps;
}

void printRecords() {
  for (const sim::DeviceWrite& w : sim::deviceWrites()) {
    std::printf("write %llu ", static_cast<unsigned long long>(w.atUs));
    for (uint8_t b : w.bytes) std::printf("%02x", b);
    std::printf("\n");
  }
  for (const sim::LedChange& c : sim::ledChanges()) {
    std::printf("led %llu %d\n", static_cast<unsigned long long>(c.atUs), c.on ? 1 : 0);
  }
  std::printf("end %llu %zu %zu\n", static_cast<unsigned long long>(sim::nowUs()), sim::bytesWrittenWithoutHost(),
              sim::pdmOverflows());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) fail("usage: run_sketch <script> [--imu-missing]");
  const std::vector<Step> steps = readScript(argv[1]);
  if (argc > 2 && std::strcmp(argv[2], "--imu-missing") == 0) sim::setImuPresent(false);

  setup();
  size_t next = 0;
  for (;;) {
    for (; next < steps.size() && steps[next].atUs <= sim::nowUs(); next++) {
      const Step& step = steps[next];
      if (step.action == "end") {
        printRecords();
        return 0;
      }
      if (step.action == "dtr") sim::setDtr(step.dtr);
      if (step.action == "send") sim::hostSend(step.bytes);
    }
    loop();
    sim::advanceUs(kLoopWorkUs);
  }
}
