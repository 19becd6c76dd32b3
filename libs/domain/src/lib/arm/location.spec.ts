import { ErrorCode } from '../errors';
import { validationErrorFrom } from './arm-test.helpers';
import {
  assertLocation,
  isKnownAzureLocation,
  locationDisplayName,
  locationsEqual,
  normalizeLocation,
} from './location';

describe('locations', () => {
  it.each([
    ['West US 2', 'westus2', 'West US 2'],
    ['westus2', 'westus2', 'West US 2'],
    ['WestUS2', 'westus2', 'West US 2'],
    ['  west   us 2 ', 'westus2', 'West US 2'],
    ['UK South', 'uksouth', 'UK South'],
    ['North Central US', 'northcentralus', 'North Central US'],
    ['East US 2 EUAP', 'eastus2euap', 'East US 2 EUAP'],
    ['West\tEurope', 'westeurope', 'West Europe'],
    ['marsnorth', 'marsnorth', undefined],
    ['constructor', 'constructor', undefined],
  ])('%p normalises to %p, displayed as %p', (input, normalised, display) => {
    expect(normalizeLocation(input)).toBe(normalised);
    expect(assertLocation(input)).toBe(normalised);
    expect(locationDisplayName(input)).toBe(display);
    expect(isKnownAzureLocation(input)).toBe(display !== undefined);
  });

  it('round-trips every display name in the table', () => {
    for (const name of ['westus2', 'uksouth', 'northcentralus', 'westeurope']) {
      const display = locationDisplayName(name);
      expect(display).toBeDefined();
      expect(normalizeLocation(display)).toBe(name);
    }
  });

  it.each([[''], ['   '], ['2westus'], ['west-us'], ['west_us'], ['westus/2'], ['x'.repeat(65)], [undefined], [12]])(
    'rejects %p with InvalidLocation',
    (input) => {
      expect(normalizeLocation(input)).toBeUndefined();
      const error = validationErrorFrom(() => assertLocation(input, 'properties.location'));
      expect(error.code).toBe(ErrorCode.InvalidLocation);
      expect(error.target).toBe('properties.location');
    },
  );

  it.each([
    ['West US 2', 'westus2', true],
    ['WESTUS2', 'west us 2', true],
    ['westus', 'westus2', false],
    ['', '', false],
  ])('%p equals %p: %p', (a, b, equal) => {
    expect(locationsEqual(a, b)).toBe(equal);
  });
});
