// The simulated IMUs of both board revisions. Each returns sim::imuCounts() converted to physical units the way
// its library converts the chip's counts, so the values the sketch reads are exactly what the real library
// would hand it for those counts.
#include <Arduino_BMI270_BMM150.h>
#include <Arduino_LSM9DS1.h>

#include "simulated_board.h"

namespace {

using sim::DataRegister;
using sim::ImuSensor;

// Reads the newest sample of `reg`: three axes, each count converted by `lsb` into the library's units.
template <typename Scale>
int readAxes(DataRegister& reg, ImuSensor sensor, Scale lsb, float& x, float& y, float& z) {
  const int64_t sample = reg.read();
  x = static_cast<float>(lsb(sim::imuCounts(sensor, 0, sample)));
  y = static_cast<float>(lsb(sim::imuCounts(sensor, 1, sample)));
  z = static_cast<float>(lsb(sim::imuCounts(sensor, 2, sample)));
  return 1;
}

// --- Rev1: LSM9DS1 ---
DataRegister lsmAcc(119);
DataRegister lsmGyr(119);
DataRegister lsmMag(20);
bool lsmReady = false;

// --- Rev2: BMI270 (accelerometer, gyroscope) + BMM150 (magnetometer) ---
DataRegister bmiAcc(100);
DataRegister bmiGyr(100);
DataRegister bmmMag(10);
bool boschReady = false;

bool present = true;

}  // namespace

LSM9DS1Class IMU_LSM9DS1;

int LSM9DS1Class::begin() {
  lsmReady = sim::imuPresent();
  if (!lsmReady) return 0;
  lsmAcc.restart();
  lsmGyr.restart();
  lsmMag.restart();
  return 1;
}

// The library's conversions (LSM9DS1.cpp): double arithmetic, stored as float.
int LSM9DS1Class::readAcceleration(float& x, float& y, float& z) {
  return readAxes(lsmAcc, sim::kAccelerometer, [](int16_t c) { return c * 4.0 / 32768.0; }, x, y, z);
}

int LSM9DS1Class::accelerationAvailable() { return lsmReady && lsmAcc.available(); }

int LSM9DS1Class::readGyroscope(float& x, float& y, float& z) {
  return readAxes(lsmGyr, sim::kGyroscope, [](int16_t c) { return c * 2000.0 / 32768.0; }, x, y, z);
}

int LSM9DS1Class::gyroscopeAvailable() { return lsmReady && lsmGyr.available(); }

int LSM9DS1Class::readMagneticField(float& x, float& y, float& z) {
  return readAxes(lsmMag, sim::kMagnetometer, [](int16_t c) { return c * 4.0 * 100.0 / 32768.0; }, x, y, z);
}

int LSM9DS1Class::magneticFieldAvailable() { return lsmReady && lsmMag.available(); }

BoschSensorClass IMU_BMI270_BMM150;

int BoschSensorClass::begin(CfgBoshSensor_t) {
  boschReady = sim::imuPresent();
  if (!boschReady) return 0;
  bmiAcc.restart();
  bmiGyr.restart();
  bmmMag.restart();
  return 1;
}

// The library's conversions (BMI270.cpp): float division by its INT16_to_G / INT16_to_DPS constants.
int BoschSensorClass::readAcceleration(float& x, float& y, float& z) {
  return readAxes(bmiAcc, sim::kAccelerometer, [](int16_t c) { return c / 8192.0f; }, x, y, z);
}

int BoschSensorClass::accelerationAvailable() { return boschReady && bmiAcc.available(); }

int BoschSensorClass::readGyroscope(float& x, float& y, float& z) {
  return readAxes(bmiGyr, sim::kGyroscope, [](int16_t c) { return c / 16.384f; }, x, y, z);
}

int BoschSensorClass::gyroscopeAvailable() { return boschReady && bmiGyr.available(); }

// The BMM150 API returns compensated µT as floats; 1/16 µT per count keeps the values off the sketch's 0.1 µT
// grid, so its rounding is exercised.
int BoschSensorClass::readMagneticField(float& x, float& y, float& z) {
  return readAxes(bmmMag, sim::kMagnetometer, [](int16_t c) { return c / 16.0f; }, x, y, z);
}

int BoschSensorClass::magneticFieldAvailable() { return boschReady && bmmMag.available(); }

namespace sim {

void setImuPresent(bool value) { present = value; }

bool imuPresent() { return present; }

}  // namespace sim
