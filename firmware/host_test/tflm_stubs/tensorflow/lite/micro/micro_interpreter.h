// Host stand-in for tensorflow/lite/micro/micro_interpreter.h: the interpreter's constructor and the calls a
// sketch makes, with the current TFLite Micro signatures (no ErrorReporter argument).
#ifndef STUDIO_STUB_TFLITE_MICRO_INTERPRETER_H
#define STUDIO_STUB_TFLITE_MICRO_INTERPRETER_H

#include <stddef.h>
#include <stdint.h>

#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

class MicroResourceVariables;
class MicroProfilerInterface;

class MicroInterpreter {
 public:
  MicroInterpreter(const Model* model, const MicroOpResolver& op_resolver, uint8_t* tensor_arena,
                   size_t tensor_arena_size, MicroResourceVariables* resource_variables = nullptr,
                   MicroProfilerInterface* profiler = nullptr, bool preserve_all_tensors = false);
  TfLiteStatus AllocateTensors();
  TfLiteStatus Invoke();
  TfLiteTensor* input(size_t index);
  TfLiteTensor* output(size_t index);
  size_t arena_used_bytes() const;
};

}  // namespace tflite

#endif  // STUDIO_STUB_TFLITE_MICRO_INTERPRETER_H
