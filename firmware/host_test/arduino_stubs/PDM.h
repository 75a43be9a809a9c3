// Host stand-in for the mbed core's PDM library (libraries/PDM/src/PDM.h): its public calls with the same signatures, backed by the
// simulated microphone in pdm_stub.cpp.
#ifndef STUDIO_STUB_PDM_H
#define STUDIO_STUB_PDM_H

#include <Arduino.h>

class PDMClass {
 public:
  int begin(int channels, int sampleRate);
  void end();

  virtual int available();
  virtual int read(void* buffer, size_t size);

  void onReceive(void (*)(void));

  void setBufferSize(int bufferSize);

  virtual ~PDMClass() = default;
};

extern PDMClass PDM;

#endif  // STUDIO_STUB_PDM_H
