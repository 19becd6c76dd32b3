import { ErrorCode } from '../errors';
import { ApiVersion, compareApiVersions, isPreviewApiVersion, parseApiVersion } from './api-version';
import { assertSupportedApiVersion, SUPPORTED_API_VERSIONS, supportedApiVersions } from './api-version.table';
import { validationErrorFrom } from './arm-test.helpers';

describe('api-version format', () => {
  it.each<[string, ApiVersion]>([
    ['2020-05-01-preview', { text: '2020-05-01-preview', date: '2020-05-01', suffix: 'preview' }],
    ['2023-11-01', { text: '2023-11-01', date: '2023-11-01' }],
    ['2024-02-29', { text: '2024-02-29', date: '2024-02-29' }],
    ['2021-06-01-privatepreview', { text: '2021-06-01-privatepreview', date: '2021-06-01', suffix: 'privatepreview' }],
    ['2022-01-31-Preview', { text: '2022-01-31-Preview', date: '2022-01-31', suffix: 'Preview' }],
    ['2019-01-01-beta', { text: '2019-01-01-beta', date: '2019-01-01', suffix: 'beta' }],
  ])('parses %p', (text, expected) => {
    expect(parseApiVersion(text)).toEqual(expected);
  });

  it.each([[undefined], [null], ['']])('reports %p as MissingApiVersionParameter', (value) => {
    const error = validationErrorFrom(() => parseApiVersion(value));
    expect(error.code).toBe(ErrorCode.MissingApiVersionParameter);
    expect(error.target).toBe('api-version');
  });

  it.each([
    ['2.0'],
    ['2020-5-1'],
    ['20200501'],
    ['2020-05-01-'],
    ['2020-05-01-preview-2'],
    ['2020-05-01-pre view'],
    ['2020-13-01'],
    ['2023-02-29'],
    ['2020-04-31'],
    ['2020-00-10'],
    ['latest'],
    [' 2020-05-01'],
    [20200501],
  ])('reports %p as InvalidApiVersionParameter', (value) => {
    const error = validationErrorFrom(() => parseApiVersion(value));
    expect(error.code).toBe(ErrorCode.InvalidApiVersionParameter);
    expect(error.target).toBe('api-version');
  });

  it.each([
    ['2020-05-01-preview', '2020-05-01', -1],
    ['2020-05-01', '2020-05-01-preview', 1],
    ['2019-09-16', '2020-03-15', -1],
    ['2021-06-01-alpha', '2021-06-01-beta', -1],
    ['2021-06-01-Preview', '2021-06-01-preview', 0],
    ['2023-11-01', '2023-11-01', 0],
  ])('compares %p with %p as %p', (a, b, order) => {
    expect(compareApiVersions(parseApiVersion(a), parseApiVersion(b))).toBe(order);
  });

  it('tells preview versions apart', () => {
    expect(isPreviewApiVersion(parseApiVersion('2020-05-01-preview'))).toBe(true);
    expect(isPreviewApiVersion(parseApiVersion('2023-11-01'))).toBe(false);
  });
});

describe('supported api-versions per resource type', () => {
  it.each([
    ['services', '2018-08-20-preview'],
    ['services', '2019-09-16'],
    ['services', '2023-11-01'],
    ['services', '2024-03-31'],
    ['Microsoft.HealthcareApis/services', '2021-11-01'],
    ['services/iomtconnectors', '2020-05-01-preview'],
    ['Services/IoMTConnectors', '2020-05-01-Preview'],
    ['services/iomtconnectors/connections', '2020-05-01-preview'],
    ['services/iomtconnectors/mappings', '2020-05-01-preview'],
    ['locations/operationresults', '2020-05-01-preview'],
    ['locations/operationstatuses', '2022-06-01'],
    ['operations', '2020-05-01-preview'],
    ['checkNameAvailability', '2020-03-30'],
  ])('%p accepts %p and returns it in canonical casing', (type, version) => {
    expect(assertSupportedApiVersion(type, version)).toBe(version.toLowerCase());
  });

  it.each([
    ['services/iomtconnectors', '2023-11-01'],
    ['services/iomtconnectors/mappings', '2021-06-01-preview'],
    ['services', '2020-05-01-preview'],
    ['services', '2017-01-01'],
    ['services', '2023-11-02'],
    ['services', 'not-a-version'],
  ])('%p rejects %p with InvalidApiVersionParameter listing the supported ones', (type, version) => {
    const error = validationErrorFrom(() => assertSupportedApiVersion(type, version));
    expect(error.code).toBe(ErrorCode.InvalidApiVersionParameter);
    expect(error.target).toBe('api-version');
    expect(error.message).toContain(`The supported versions are '${supportedApiVersions(type).join(',')}'`);
  });

  it('says a missing api-version is missing, whatever the type', () => {
    expect(validationErrorFrom(() => assertSupportedApiVersion('services', undefined)).code).toBe(
      ErrorCode.MissingApiVersionParameter,
    );
  });

  it.each([['workspaces'], ['services/privateEndpointConnections'], ['Microsoft.Web/sites'], ['']])(
    'rejects the unknown type %p with InvalidResourceType',
    (type) => {
      const error = validationErrorFrom(() => assertSupportedApiVersion(type, '2020-05-01-preview'));
      expect(error.code).toBe(ErrorCode.InvalidResourceType);
    },
  );

  it('keeps every table entry well-formed, lowercase and without duplicates', () => {
    for (const versions of Object.values(SUPPORTED_API_VERSIONS)) {
      expect(new Set(versions).size).toBe(versions.length);
      for (const version of versions) {
        expect(parseApiVersion(version).text).toBe(version.toLowerCase());
      }
    }
  });
});
