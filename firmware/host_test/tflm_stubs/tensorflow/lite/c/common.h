// Host stand-in for TFLite Micro's tensorflow/lite/c/common.h: the status codes and the TfLiteTensor fields a
// sketch touches, with TFLite's own names and types.
#ifndef STUDIO_STUB_TFLITE_C_COMMON_H
#define STUDIO_STUB_TFLITE_C_COMMON_H

#include <stddef.h>
#include <stdint.h>

typedef enum TfLiteStatus { kTfLiteOk = 0, kTfLiteError = 1 } TfLiteStatus;

typedef enum { kTfLiteNoType = 0, kTfLiteFloat32 = 1, kTfLiteInt32 = 2, kTfLiteInt8 = 9 } TfLiteType;

typedef union TfLitePtrUnion {
  int32_t* i32;
  float* f;
  int8_t* int8;
  uint8_t* uint8;
  void* data;
} TfLitePtrUnion;

typedef struct TfLiteQuantizationParams {
  float scale;
  int32_t zero_point;
} TfLiteQuantizationParams;

typedef struct TfLiteTensor {
  TfLiteType type;
  TfLitePtrUnion data;
  TfLiteQuantizationParams params;
  size_t bytes;
} TfLiteTensor;

#endif  // STUDIO_STUB_TFLITE_C_COMMON_H
