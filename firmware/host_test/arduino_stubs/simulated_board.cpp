// The simulated board's clock, USB serial port and LED, and the Arduino core functions on top of them.
#include "simulated_board.h"

#include <Arduino.h>

#include <deque>

namespace {

uint64_t clockUs = 0;

bool dtr = false;
std::deque<uint8_t> received;
std::vector<sim::DeviceWrite> writes;
size_t droppedBytes = 0;

bool ledOn = false;
std::vector<sim::LedChange> ledLog;

}  // namespace

namespace sim {

uint64_t nowUs() { return clockUs; }

void advanceUs(uint64_t us) {
  const uint64_t target = clockUs + us;
  for (uint64_t next = pdmNextInterruptUs(); next <= target; next = pdmNextInterruptUs()) {
    clockUs = next;
    pdmInterrupt();
  }
  clockUs = target;
}

void setDtr(bool asserted) {
  dtr = asserted;
  // A host that closes the port takes what it had not read with it.
  if (!asserted) received.clear();
}

void hostSend(const std::vector<uint8_t>& bytes) { received.insert(received.end(), bytes.begin(), bytes.end()); }

const std::vector<DeviceWrite>& deviceWrites() { return writes; }

size_t bytesWrittenWithoutHost() { return droppedBytes; }

const std::vector<LedChange>& ledChanges() { return ledLog; }

}  // namespace sim

UsbSerial Serial;

void UsbSerial::begin(unsigned long) {}

int UsbSerial::available() { return static_cast<int>(received.size()); }

int UsbSerial::read() {
  if (received.empty()) return -1;
  const uint8_t byte = received.front();
  received.pop_front();
  return byte;
}

size_t UsbSerial::write(const uint8_t* buf, size_t size) {
  if (!dtr) {
    droppedBytes += size;
    return 0;
  }
  writes.push_back({clockUs, std::vector<uint8_t>(buf, buf + size)});
  return size;
}

UsbSerial::operator bool() {
  delay(1);
  return dtr;
}

void pinMode(pin_size_t, PinMode) {}

void digitalWrite(pin_size_t pin, PinStatus status) {
  if (pin != LED_BUILTIN) return;
  const bool on = status == HIGH;
  if (on != ledOn) ledLog.push_back({clockUs, on});
  ledOn = on;
}

unsigned long millis(void) { return static_cast<unsigned long>(clockUs / 1000); }

unsigned long micros(void) { return static_cast<unsigned long>(clockUs); }

void delay(unsigned long ms) { sim::advanceUs(static_cast<uint64_t>(ms) * 1000); }
