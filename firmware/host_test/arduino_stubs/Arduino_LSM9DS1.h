// Host stand-in for Arduino_LSM9DS1 (the Nano 33 BLE Sense Rev1 IMU): the calls the sketch makes, declared as
// in the library's src/LSM9DS1.h, backed by the simulated sensors in imu_stubs.cpp. Like the library, begin()
// sets the accelerometer and gyroscope to 119 Hz (±4 g, ±2000 dps) and the magnetometer to 20 Hz (±4 gauss);
// readings come back in g, dps and µT.
#ifndef STUDIO_STUB_ARDUINO_LSM9DS1_H
#define STUDIO_STUB_ARDUINO_LSM9DS1_H

#include <Arduino.h>

class LSM9DS1Class {
 public:
  virtual ~LSM9DS1Class() = default;

  int begin();

  virtual int readAcceleration(float& x, float& y, float& z);
  virtual int accelerationAvailable();

  virtual int readGyroscope(float& x, float& y, float& z);
  virtual int gyroscopeAvailable();

  virtual int readMagneticField(float& x, float& y, float& z);
  virtual int magneticFieldAvailable();
};

extern LSM9DS1Class IMU_LSM9DS1;
#undef IMU
#define IMU IMU_LSM9DS1

#endif  // STUDIO_STUB_ARDUINO_LSM9DS1_H
