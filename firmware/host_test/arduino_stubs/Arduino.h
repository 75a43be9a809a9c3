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
// The mbed core defines these as macros around __disable_irq()/__enable_irq(); the example sketches use them.
void noInterrupts(void);
void interrupts(void);

void setup(void);
void loop(void);

}  // extern "C"

#define LED_BUILTIN (13u)  // the Nano 33 BLE variant's PIN_LED

// Number bases of Print (ArduinoCore-API api/Print.h).
#define DEC 10
#define HEX 16

// The Nano's Serial is USB CDC. As on the mbed core, `operator bool` is "the host holds DTR" and costs a
// delay(1) per call, and write() sends nothing (returns 0) without a host.
class UsbSerial {
 public:
  void begin(unsigned long baudrate);
  int available();
  int read();
  size_t write(const uint8_t* buf, size_t size);
  operator bool();

  // Print's text output (ArduinoCore-API api/Print.h), declared for the generated example sketches, which the
  // deployment test only syntax-checks (g++ -fsyntax-only): nothing on the host defines them.
  size_t print(const char str[]);
  size_t print(char c);
  size_t print(unsigned char value, int base = DEC);
  size_t print(int value, int base = DEC);
  size_t print(unsigned int value, int base = DEC);
  size_t print(long value, int base = DEC);
  size_t print(unsigned long value, int base = DEC);
  size_t print(double value, int digits = 2);
  size_t println(const char str[]);
  size_t println(char c);
  size_t println(unsigned char value, int base = DEC);
  size_t println(int value, int base = DEC);
  size_t println(unsigned int value, int base = DEC);
  size_t println(long value, int base = DEC);
  size_t println(unsigned long value, int base = DEC);
  size_t println(double value, int digits = 2);
  size_t println(void);
};

extern UsbSerial Serial;

#endif  // STUDIO_STUB_ARDUINO_H
