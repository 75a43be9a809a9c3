// Host stand-in for the Arduino core's Arduino.h (Arduino Mbed OS Nano Boards, Nano 33 BLE): only what
// tinyml_studio.ino uses, declared with the core's own signatures (ArduinoCore-API's Common.h, the mbed core's
// USBSerial), and backed by the simulated board in simulated_board.cpp.
#ifndef STUDIO_STUB_ARDUINO_H
#define STUDIO_STUB_ARDUINO_H

// The real Arduino.h brings these in (api/ArduinoAPI.h, Print.h, String.h); a sketch may rely on them.
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern "C" {

typedef enum {
  LOW = 0,
  HIGH = 1,
  CHANGE = 2,
  FALLING = 3,
  RISING = 4,
} PinStatus;

typedef enum {
  INPUT = 0x0,
  OUTPUT = 0x1,
  INPUT_PULLUP = 0x2,
  INPUT_PULLDOWN = 0x3,
  OUTPUT_OPENDRAIN = 0x4,
} PinMode;

typedef uint8_t pin_size_t;

void pinMode(pin_size_t pinNumber, PinMode pinMode);
void digitalWrite(pin_size_t pinNumber, PinStatus status);
unsigned long millis(void);
unsigned long micros(void);
void delay(unsigned long ms);

void setup(void);
void loop(void);

}  // extern "C"

#define LED_BUILTIN (13u)  // the Nano 33 BLE variant's PIN_LED

// The Nano's Serial is USB CDC. As on the mbed core, `operator bool` is "the host holds DTR" and costs a
// delay(1) per call, and write() sends nothing (returns 0) without a host.
class UsbSerial {
 public:
  void begin(unsigned long baudrate);
  int available();
  int read();
  size_t write(const uint8_t* buf, size_t size);
  operator bool();
};

extern UsbSerial Serial;

#endif  // STUDIO_STUB_ARDUINO_H
