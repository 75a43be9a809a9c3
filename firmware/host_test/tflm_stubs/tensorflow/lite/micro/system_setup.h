// Host stand-in for tensorflow/lite/micro/system_setup.h.
#ifndef STUDIO_STUB_TFLITE_MICRO_SYSTEM_SETUP_H
#define STUDIO_STUB_TFLITE_MICRO_SYSTEM_SETUP_H

namespace tflite {
void InitializeTarget();
}  // namespace tflite

#endif  // STUDIO_STUB_TFLITE_MICRO_SYSTEM_SETUP_H
