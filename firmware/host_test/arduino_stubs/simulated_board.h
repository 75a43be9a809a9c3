// The simulated Nano 33 BLE Sense behind the Arduino stand-ins, and the harness's handle on it: a virtual clock
// that only moves when the harness (or the sketch, through delay()) moves it, the host end of the USB serial
// port, the LED, deterministic IMU readings and microphone samples.
//
// firmwareSketch.test.ts mirrors imuCounts() and pcmSample() to know what the sketch must have sent.
#ifndef STUDIO_STUB_SIMULATED_BOARD_H
#define STUDIO_STUB_SIMULATED_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include <vector>

namespace sim {

// --- clock ---
uint64_t nowUs();
// Moves the clock forward, running the microphone interrupts that fall due on the way.
void advanceUs(uint64_t us);

// --- USB serial, host side ---
void setDtr(bool asserted);
void hostSend(const std::vector<uint8_t>& bytes);
struct DeviceWrite {
  uint64_t atUs;
  std::vector<uint8_t> bytes;
};
// Every Serial.write() made while the host held DTR, in order.
const std::vector<DeviceWrite>& deviceWrites();
// Bytes the sketch tried to write without a host (the real port drops them).
size_t bytesWrittenWithoutHost();

// --- LED_BUILTIN ---
struct LedChange {
  uint64_t atUs;
  bool on;
};
const std::vector<LedChange>& ledChanges();

// --- IMU ---
enum ImuSensor { kAccelerometer = 0, kGyroscope = 1, kMagnetometer = 2 };
// False simulates a board whose IMU does not answer (e.g. the sketch built for the other revision).
void setImuPresent(bool present);
bool imuPresent();

// The chip's raw output (counts, before the library's conversion) on `axis` for sample number `sample` since
// power-on: a ramp per axis, a different one for each sensor, rising on x and z and falling on y.
inline int16_t imuCounts(ImuSensor sensor, int axis, int64_t sample) {
  const int s = static_cast<int>(sensor);
  const int slope = (5 + 3 * axis + 2 * s) * (axis == 1 ? -1 : 1);
  return static_cast<int16_t>(-3000 + 1500 * axis + 700 * s + slope * sample);
}

// A sensor that samples at `odrHz` from power-on and holds its newest sample in a data register, like the IMUs in
// the libraries' default (one-shot) mode: "available" means a sample newer than the last one read; reading
// returns the newest sample, and samples never read are gone.
class DataRegister {
 public:
  explicit DataRegister(uint32_t odrHz) : odrHz_(odrHz) {}
  // Sensor (re)configured: the next sample is one period away.
  void restart() { lastRead_ = newest(); }
  bool available() const { return newest() > lastRead_; }
  // The sample number read.
  int64_t read() { return lastRead_ = newest(); }
  uint32_t odrHz() const { return odrHz_; }

 private:
  int64_t newest() const { return static_cast<int64_t>(nowUs() * odrHz_ / 1000000); }
  uint32_t odrHz_;
  int64_t lastRead_ = -1;
};

// --- PDM microphone ---
// Sample number n since PDM.begin(): a fixed pseudo-ramp that makes any lost, repeated or reordered sample show.
inline int16_t pcmSample(uint32_t n) { return static_cast<int16_t>(static_cast<uint16_t>(n * 331u + 12345u)); }
// The PDM library's double buffer was still full when the next one was ready (the library then stops the mic).
size_t pdmOverflows();
// Time of the next microphone interrupt, or UINT64_MAX when the microphone is off.
uint64_t pdmNextInterruptUs();
void pdmInterrupt();

}  // namespace sim

#endif  // STUDIO_STUB_SIMULATED_BOARD_H
