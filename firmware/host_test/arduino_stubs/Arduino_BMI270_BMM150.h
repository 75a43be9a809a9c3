// Host stand-in for Arduino_BMI270_BMM150 (the Nano 33 BLE Sense Rev2 IMU): the calls the sketch makes,
// declared as in the library's src/BoschSensorClass.h, backed by the simulated sensors in imu_stubs.cpp. Like
// the library, begin() sets the BMI270 to 100 Hz (±4 g, ±2000 dps) and leaves the BMM150 at its default 10 Hz;
// readings come back in g, dps and µT.
#ifndef STUDIO_STUB_ARDUINO_BMI270_BMM150_H
#define STUDIO_STUB_ARDUINO_BMI270_BMM150_H

#include <Arduino.h>

typedef enum { BOSCH_ACCELEROMETER_ONLY, BOSCH_MAGNETOMETER_ONLY, BOSCH_ACCEL_AND_MAGN } CfgBoshSensor_t;

class BoschSensorClass {
 public:
  ~BoschSensorClass() {}

  int begin(CfgBoshSensor_t cfg = BOSCH_ACCEL_AND_MAGN);

  virtual int readAcceleration(float& x, float& y, float& z);
  virtual int accelerationAvailable();

  virtual int readGyroscope(float& x, float& y, float& z);
  virtual int gyroscopeAvailable();

  virtual int readMagneticField(float& x, float& y, float& z);
  virtual int magneticFieldAvailable();
};

extern BoschSensorClass IMU_BMI270_BMM150;
#undef IMU
#define IMU IMU_BMI270_BMM150

#endif  // STUDIO_STUB_ARDUINO_BMI270_BMM150_H
