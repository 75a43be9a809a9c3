// The simulated PDM microphone: 16 kHz mono, delivered like the nRF52 PDM library does it — a double buffer of
// setBufferSize() bytes; each time the hardware fills one, the interrupt makes it readable and calls the
// onReceive callback. If the previous buffer was not read by then, the library stops the microphone.
#include <PDM.h>
#include <string.h>

#include "simulated_board.h"

namespace {

const int kDefaultBufferBytes = 512;  // the library's DEFAULT_PDM_BUFFER_SIZE

void (*callback)(void) = nullptr;
int bufferBytes = kDefaultBufferBytes;
bool running = false;
uint64_t startUs = 0;
int sampleRate = 0;
uint32_t buffersFilled = 0;
size_t overflows = 0;

std::vector<int16_t> readable;
size_t readOffset = 0;  // bytes of `readable` already read

uint32_t samplesPerBuffer() { return static_cast<uint32_t>(bufferBytes) / 2; }

}  // namespace

PDMClass PDM;

int PDMClass::begin(int channels, int rate) {
  // The nRF52 library supports 16000 and 41667 Hz, mono or stereo; the simulation only mono 16 kHz.
  if (channels != 1 || rate != 16000) return 0;
  sampleRate = rate;
  running = true;
  startUs = sim::nowUs();
  buffersFilled = 0;
  readable.clear();
  readOffset = 0;
  return 1;
}

void PDMClass::end() { running = false; }

int PDMClass::available() { return static_cast<int>(readable.size() * 2 - readOffset); }

int PDMClass::read(void* buffer, size_t size) {
  const size_t n = size < static_cast<size_t>(available()) ? size : static_cast<size_t>(available());
  memcpy(buffer, reinterpret_cast<const uint8_t*>(readable.data()) + readOffset, n);
  readOffset += n;
  return static_cast<int>(n);
}

void PDMClass::onReceive(void (*function)(void)) { callback = function; }

void PDMClass::setBufferSize(int size) { bufferBytes = size; }

namespace sim {

size_t pdmOverflows() { return overflows; }

uint64_t pdmNextInterruptUs() {
  if (!running) return UINT64_MAX;
  const uint64_t samples = static_cast<uint64_t>(buffersFilled + 1) * samplesPerBuffer();
  return startUs + (samples * 1000000 + sampleRate - 1) / sampleRate;
}

void pdmInterrupt() {
  if (PDM.available() > 0) {
    overflows++;
    running = false;
    return;
  }
  const uint32_t first = buffersFilled * samplesPerBuffer();
  readable.resize(samplesPerBuffer());
  for (uint32_t i = 0; i < samplesPerBuffer(); i++) readable[i] = pcmSample(first + i);
  readOffset = 0;
  buffersFilled++;
  if (callback != nullptr) callback();
}

}  // namespace sim
