// The sketch as the Arduino builder compiles it: Arduino.h first, then the .ino as C++ (here against the stand-ins
// in arduino_stubs/). The builder also generates prototypes for the sketch's functions; the sketch defines each
// function before its first use, so it needs none.
#include <Arduino.h>

#include "../tinyml_studio/tinyml_studio.ino"
