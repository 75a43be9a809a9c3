import { describe, expect, it } from 'vitest';
import { openFailure } from './openFailure';

describe('openFailure', () => {
  it('says the port is busy when Web Serial finds it open already', () => {
    const e = openFailure(new DOMException('The port is already open.', 'InvalidStateError'));
    expect(e.code).toBe('serial-busy');
    expect(e.message).toMatch(/already open/);
  });

  it('recognises the WebUSB polyfill’s plain errors for a device held elsewhere', () => {
    for (const cause of [
      "NetworkError: Failed to execute 'claimInterface' on 'USBDevice': Unable to claim interface.",
      "SecurityError: Failed to execute 'open' on 'USBDevice': Access denied.",
      'InvalidStateError: An operation that changes the device state is in progress.',
    ]) {
      const e = openFailure(new Error(`Error setting up device: ${cause}`));
      expect(e.code, cause).toBe('serial-busy');
      expect(e.message).toMatch(/in use/);
    }
  });

  it('passes other failures on with their cause', () => {
    const e = openFailure(new Error('Error setting up device: NetworkError: Failed to set line coding.'));
    expect(e.code).toBe('serial-open');
    expect(e.message).toBe(
      'Could not open the port: Error setting up device: NetworkError: Failed to set line coding.',
    );
    expect(openFailure(new RangeError('invalid Baud Rate 0')).code).toBe('serial-open');
  });
});
