// Host stand-in for tensorflow/lite/schema/schema_generated.h: the model handle and its schema version.
#ifndef STUDIO_STUB_TFLITE_SCHEMA_GENERATED_H
#define STUDIO_STUB_TFLITE_SCHEMA_GENERATED_H

#include <stdint.h>

#define TFLITE_SCHEMA_VERSION (3)

namespace tflite {

struct Model {
  uint32_t version() const;
};

const Model* GetModel(const void* buf);

}  // namespace tflite

#endif  // STUDIO_STUB_TFLITE_SCHEMA_GENERATED_H
