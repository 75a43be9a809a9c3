// Host stand-in for the Arduino_TensorFlowLite library's top header (tflite-micro-arduino-examples, src/
// TensorFlowLite.h): a sketch includes it so that the Arduino builder finds the library. Only for the syntax
// check of the generated TensorFlow Lite Micro sketch (g++ -fsyntax-only); nothing here is defined.
#ifndef STUDIO_STUB_TENSORFLOWLITE_H
#define STUDIO_STUB_TENSORFLOWLITE_H
#endif  // STUDIO_STUB_TENSORFLOWLITE_H
