// Host stand-in for tensorflow/lite/micro/micro_mutable_op_resolver.h: the resolver with the Add…() calls for
// the ops the studio's models use (the real ones take an optional registration and return a status).
#ifndef STUDIO_STUB_TFLITE_MICRO_MUTABLE_OP_RESOLVER_H
#define STUDIO_STUB_TFLITE_MICRO_MUTABLE_OP_RESOLVER_H

#include "tensorflow/lite/c/common.h"

namespace tflite {

class MicroOpResolver {
 public:
  virtual ~MicroOpResolver() {}
};

template <unsigned int tOpCount>
class MicroMutableOpResolver : public MicroOpResolver {
 public:
  TfLiteStatus AddAdd();
  TfLiteStatus AddAveragePool2D();
  TfLiteStatus AddConv2D();
  TfLiteStatus AddDepthwiseConv2D();
  TfLiteStatus AddDequantize();
  TfLiteStatus AddFullyConnected();
  TfLiteStatus AddMaxPool2D();
  TfLiteStatus AddMean();
  TfLiteStatus AddQuantize();
  TfLiteStatus AddReshape();
  TfLiteStatus AddSoftmax();
};

}  // namespace tflite

#endif  // STUDIO_STUB_TFLITE_MICRO_MUTABLE_OP_RESOLVER_H
