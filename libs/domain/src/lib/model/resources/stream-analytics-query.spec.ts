import { ValidationError } from '../../errors';
import { buildStreamAnalyticsQuery } from './stream-analytics-query';
import { jobWindowProblems, MAX_JOB_WINDOW_MAGNITUDE } from './stream-analytics-window';
import { thrown } from '../test-support/thrown';

/**
 * The first argument of the templates' `concat(...)` (`transformation.properties.query` of
 * microsoft/iomt-fhir deploy/templates/*-azuredeploy.json @2ee881d), copied as written there:
 * JSON `\r\n` escapes, the trailing spaces, and the double space after GROUP BY.
 */
const TEMPLATE_QUERY_PREFIX =
  'SELECT \r\n    DeviceId [DeviceId], \r\n    PatientId [PatientId],\r\n    EncounterId [EncounterId],\r\n    CorrelationId [CorrelationId],\r\n    collect() [Data],\r\n    System.Timestamp [WindowTime],\r\n    Type [MeasureType],\r\n    count(*) [Count]\r\nINTO\r\n    [FhirImportOutput]\r\nFROM\r\n    [NormalizedData] PARTITION BY PartitionId TIMESTAMP BY OccurrenceTimeUtc\r\nGROUP BY  PartitionId, \r\n    DeviceId, \r\n    PatientId, \r\n    EncounterId, \r\n    CorrelationId, \r\n    Type, \r\n    TUMBLINGWINDOW(';

/** What ARM's concat produces for a unit and magnitude. */
const templateQuery = (unit: string, magnitude: number) => `${TEMPLATE_QUERY_PREFIX}${unit}, ${magnitude})`;

describe('buildStreamAnalyticsQuery', () => {
  it('builds the seed defaults (MINUTE, 15) byte for byte', () => {
    const query = buildStreamAnalyticsQuery({ jobWindowUnit: 'MINUTE', jobWindowMagnitude: 15 });
    expect(query).toBe(templateQuery('MINUTE', 15));
    expect(query.split('\r\n')).toHaveLength(20);
    expect(query).not.toMatch(/[^\r]\n/);
    expect(query.endsWith('    TUMBLINGWINDOW(MINUTE, 15)')).toBe(true);
    expect(Buffer.byteLength(query, 'utf8')).toBe(query.length);
  });

  it('matches the query of iomt.md §1.3 line by line, ignoring only trailing spaces', () => {
    const documented = [
      'SELECT',
      '    DeviceId [DeviceId],',
      '    PatientId [PatientId],',
      '    EncounterId [EncounterId],',
      '    CorrelationId [CorrelationId],',
      '    collect() [Data],',
      '    System.Timestamp [WindowTime],',
      '    Type [MeasureType],',
      '    count(*) [Count]',
      'INTO',
      '    [FhirImportOutput]',
      'FROM',
      '    [NormalizedData] PARTITION BY PartitionId TIMESTAMP BY OccurrenceTimeUtc',
      'GROUP BY  PartitionId,',
      '    DeviceId,',
      '    PatientId,',
      '    EncounterId,',
      '    CorrelationId,',
      '    Type,',
      '    TUMBLINGWINDOW(HOUR, 1)',
    ];
    const lines = buildStreamAnalyticsQuery({ jobWindowUnit: 'HOUR', jobWindowMagnitude: 1 }).split('\r\n');
    expect(lines.map((line) => line.trimEnd())).toEqual(documented);
  });

  it.each<[string, number]>([
    ['SECOND', 1],
    ['SECOND', 60],
    ['MINUTE', 1],
    ['MINUTE', 5],
    ['MINUTE', 60],
    ['HOUR', 1],
    ['HOUR', 60],
    ['DAY', 1],
    ['DAY', 7],
  ])('builds TUMBLINGWINDOW(%s, %d)', (unit, magnitude) => {
    expect(buildStreamAnalyticsQuery({ jobWindowUnit: unit, jobWindowMagnitude: magnitude })).toBe(
      templateQuery(unit, magnitude),
    );
  });

  it.each([
    ['minute', 'MINUTE'],
    ['Second', 'SECOND'],
    ['day', 'DAY'],
  ])('reads the unit %s ignoring case and writes %s', (unit, canonical) => {
    expect(buildStreamAnalyticsQuery({ jobWindowUnit: unit, jobWindowMagnitude: 2 })).toBe(templateQuery(canonical, 2));
  });

  it.each<[string, unknown, unknown, string[]]>([
    ['an unknown unit', 'WEEK', 1, ['jobWindowUnit: must be one of SECOND, MINUTE, HOUR, DAY']],
    ['an ASA abbreviation', 'mi', 1, ['jobWindowUnit: must be one of SECOND, MINUTE, HOUR, DAY']],
    ['MILLISECOND', 'MILLISECOND', 100, ['jobWindowUnit: must be one of SECOND, MINUTE, HOUR, DAY']],
    ['an empty unit', '', 1, ['jobWindowUnit: must be one of SECOND, MINUTE, HOUR, DAY']],
    ['magnitude 0', 'MINUTE', 0, ['jobWindowMagnitude: must be a whole number of at least 1']],
    ['a negative magnitude', 'SECOND', -5, ['jobWindowMagnitude: must be a whole number of at least 1']],
    ['a fractional magnitude', 'MINUTE', 1.5, ['jobWindowMagnitude: must be a whole number of at least 1']],
    ['a string magnitude', 'MINUTE', '5', ['jobWindowMagnitude: must be a whole number of at least 1']],
    ['NaN', 'MINUTE', Number.NaN, ['jobWindowMagnitude: must be a whole number of at least 1']],
    ['61 seconds', 'SECOND', 61, ['jobWindowMagnitude: must be at most 60 when jobWindowUnit is SECOND']],
    ['61 minutes', 'MINUTE', 61, ['jobWindowMagnitude: must be at most 60 when jobWindowUnit is MINUTE']],
    ['61 hours', 'HOUR', 61, ['jobWindowMagnitude: must be at most 60 when jobWindowUnit is HOUR']],
    ['8 days (over the 7-day ASA ceiling)', 'DAY', 8, ['jobWindowMagnitude: must be at most 7 when jobWindowUnit is DAY']],
    [
      'both wrong',
      'WEEK',
      0,
      ['jobWindowUnit: must be one of SECOND, MINUTE, HOUR, DAY', 'jobWindowMagnitude: must be a whole number of at least 1'],
    ],
  ])('rejects %s with a ValidationError', (_case, unit, magnitude, details) => {
    const error = thrown(() =>
      buildStreamAnalyticsQuery({ jobWindowUnit: unit as string, jobWindowMagnitude: magnitude as number }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.message)).toEqual(details);
  });
});

describe('jobWindowProblems', () => {
  it('allows every unit from 1 to its maximum and nothing beyond', () => {
    for (const [unit, max] of Object.entries(MAX_JOB_WINDOW_MAGNITUDE)) {
      expect(jobWindowProblems(unit, 1)).toEqual([]);
      expect(jobWindowProblems(unit, max)).toEqual([]);
      expect(jobWindowProblems(unit, max + 1)).toHaveLength(1);
    }
  });
});
